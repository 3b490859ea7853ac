package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Magento 2's {@code searchCriteria} as its REST API reads it from the query:
 * {@code searchCriteria[filter_groups][N][filters][M][field|value|condition_type]} (the groups
 * ANDed, the filters of a group ORed; condition types eq, neq, in, nin, like, from, to, gt, gteq,
 * moreq, lt, lteq, null, notnull, finset; eq when none is given),
 * {@code searchCriteria[sortOrders][K][field|direction]}, {@code searchCriteria[pageSize]} and
 * {@code searchCriteria[currentPage]} (from 1). An empty {@code searchCriteria=} selects
 * everything. The conditions compare as {@link Filter} does, over a record's fields as Magento 2
 * answers them.
 *
 * <p>A page past the last one answers the last page, as Magento 2.3's collections do; a client
 * stops on total_count.
 */
final class SearchCriteria {

    /** One filter: condition_type is null when the request gave none (eq). */
    record Condition(String field, String value, String conditionType) {
    }

    record SortOrder(String field, String direction) {

        boolean descending() {
            return "DESC".equalsIgnoreCase(direction);
        }
    }

    /** The page of items a search answers, and how many matched in all. */
    record Page<T>(List<T> items, int totalCount) {
    }

    static final String PARAMETER = "searchCriteria";
    private static final Pattern FILTER = Pattern.compile(
            "searchCriteria\\[(?:filter_groups|filterGroups)]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|condition_type|conditionType)]");
    private static final Pattern SORT = Pattern.compile("searchCriteria\\[(?:sortOrders|sort_orders)]\\[(\\d+)]\\[(field|direction)]");
    private static final Pattern PAGE_SIZE = Pattern.compile("searchCriteria\\[(?:pageSize|page_size)]");
    private static final Pattern CURRENT_PAGE = Pattern.compile("searchCriteria\\[(?:currentPage|current_page)]");
    private static final List<String> CONDITIONS = List.of("eq", "neq", "in", "nin", "like", "from", "to", "gt", "gteq", "moreq", "lt",
            "lteq", "null", "notnull", "finset");

    private final List<List<Condition>> groups;
    private final List<List<Filter>> filters;
    private final List<SortOrder> sortOrders;
    private final Integer pageSize;
    private final Integer currentPage;

    private SearchCriteria(List<List<Condition>> groups, List<SortOrder> sortOrders, Integer pageSize, Integer currentPage) throws RestError {
        this.groups = groups;
        this.sortOrders = sortOrders;
        this.pageSize = pageSize;
        this.currentPage = currentPage;
        this.filters = new ArrayList<>();
        for (List<Condition> group : groups) {
            List<Filter> any = new ArrayList<>();
            for (Condition condition : group) {
                any.add(filter(condition));
            }
            filters.add(any);
        }
    }

    /** The criteria of a request's query; 400 when it has none, as Magento requires them on a search. */
    static SearchCriteria parse(Map<String, List<String>> query) throws RestError {
        boolean given = false;
        Map<Integer, Map<Integer, Map<String, String>>> filterParts = new TreeMap<>();
        Map<Integer, Map<String, String>> sortParts = new TreeMap<>();
        Integer pageSize = null;
        Integer currentPage = null;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith(PARAMETER)) {
                continue;
            }
            given = true;
            String value = parameter.getValue().isEmpty() ? "" : parameter.getValue().get(parameter.getValue().size() - 1);
            Matcher matcher;
            if ((matcher = FILTER.matcher(name)).matches()) {
                String part = matcher.group(3).equals("conditionType") ? "condition_type" : matcher.group(3);
                filterParts.computeIfAbsent(Integer.parseInt(matcher.group(1)), g -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(matcher.group(2)), f -> new LinkedHashMap<>()).put(part, value);
            } else if ((matcher = SORT.matcher(name)).matches()) {
                sortParts.computeIfAbsent(Integer.parseInt(matcher.group(1)), s -> new LinkedHashMap<>()).put(matcher.group(2), value);
            } else if (PAGE_SIZE.matcher(name).matches()) {
                pageSize = whole("pageSize", value);
            } else if (CURRENT_PAGE.matcher(name).matches()) {
                currentPage = whole("currentPage", value);
            }
        }
        if (!given) {
            throw RestError.required(PARAMETER);
        }
        List<List<Condition>> groups = new ArrayList<>();
        for (Map<Integer, Map<String, String>> group : filterParts.values()) {
            List<Condition> conditions = new ArrayList<>();
            for (Map<String, String> parts : group.values()) {
                if (parts.get("field") == null || parts.get("field").isEmpty()) {
                    throw RestError.required("field");
                }
                conditions.add(new Condition(parts.get("field"), parts.getOrDefault("value", ""), parts.get("condition_type")));
            }
            groups.add(conditions);
        }
        List<SortOrder> sortOrders = new ArrayList<>();
        for (Map<String, String> parts : sortParts.values()) {
            if (parts.get("field") != null) {
                String direction = parts.getOrDefault("direction", "ASC");
                if (!direction.equalsIgnoreCase("ASC") && !direction.equalsIgnoreCase("DESC")) {
                    throw RestError.invalidValue("direction", direction);
                }
                sortOrders.add(new SortOrder(parts.get("field"), direction.toUpperCase(Locale.ROOT)));
            }
        }
        return new SearchCriteria(groups, sortOrders, pageSize, currentPage);
    }

    private static Integer whole(String field, String value) throws RestError {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw RestError.invalidValue(field, value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw RestError.invalidValue(field, value);
        }
    }

    private static Filter filter(Condition condition) throws RestError {
        String type = condition.conditionType() == null || condition.conditionType().isEmpty() ? "eq" : condition.conditionType();
        if (!CONDITIONS.contains(type)) {
            throw RestError.invalidValue("condition_type", type);
        }
        Object value = condition.value();
        if (type.equals("null") || type.equals("notnull")) {
            // Magento ignores the value of these two.
            value = Boolean.TRUE;
        }
        try {
            return Filter.parse(Map.of(condition.field(), Map.of(type.equals("moreq") ? "gteq" : type, value)));
        } catch (ApiFault e) {
            throw RestError.invalidValue("condition_type", type);
        }
    }

    /** Whether a record's fields (as Magento 2 answers them) pass every group. */
    boolean matches(Map<String, Object> fields) {
        for (List<Filter> group : filters) {
            if (group.stream().noneMatch(filter -> filter.matches(fields))) {
                return false;
            }
        }
        return true;
    }

    /** The candidates that match, sorted, and the page asked for. */
    <T> Page<T> apply(List<T> candidates, Function<T, Map<String, Object>> fieldsOf) {
        List<T> matching = new ArrayList<>();
        Map<T, Map<String, Object>> fields = new IdentityHashMap<>();
        for (T candidate : candidates) {
            Map<String, Object> values = fieldsOf.apply(candidate);
            if (matches(values)) {
                matching.add(candidate);
                fields.put(candidate, values);
            }
        }
        if (!sortOrders.isEmpty()) {
            Comparator<T> order = null;
            for (SortOrder sort : sortOrders) {
                Comparator<T> next = Comparator.comparing(t -> fields.get(t).get(sort.field()), SearchCriteria::compareValues);
                if (sort.descending()) {
                    next = next.reversed();
                }
                order = order == null ? next : order.thenComparing(next);
            }
            matching.sort(order);
        }
        int total = matching.size();
        if (pageSize == null || pageSize == 0) {
            return new Page<>(matching, total);
        }
        int lastPage = Math.max(1, (total + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, currentPage == null ? 1 : currentPage), lastPage);
        int from = Math.min(total, (page - 1) * pageSize);
        return new Page<>(new ArrayList<>(matching.subList(from, Math.min(total, from + pageSize))), total);
    }

    /** SQL's order: nulls first, numbers as numbers, the rest as text. */
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String x = MagentoDates.naiveUtc(Values.text(a));
        String y = MagentoDates.naiveUtc(Values.text(b));
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y));
        } catch (NumberFormatException e) {
            return x.compareTo(y);
        }
    }

    /** The criteria as Magento 2 answers them back in a search result's {@code search_criteria}. */
    ObjectNode echo() {
        ObjectNode json = RestJson.object();
        ArrayNode groupsJson = json.putArray("filter_groups");
        for (List<Condition> group : groups) {
            ArrayNode filtersJson = groupsJson.addObject().putArray("filters");
            for (Condition condition : group) {
                ObjectNode filter = filtersJson.addObject();
                filter.put("field", condition.field());
                filter.put("value", condition.value());
                if (condition.conditionType() != null) {
                    filter.put("condition_type", condition.conditionType());
                }
            }
        }
        if (!sortOrders.isEmpty()) {
            ArrayNode sorts = json.putArray("sort_orders");
            sortOrders.forEach(sort -> sorts.addObject().put("field", sort.field()).put("direction", sort.direction()));
        }
        if (pageSize != null) {
            json.put("page_size", pageSize);
        }
        if (currentPage != null) {
            json.put("current_page", currentPage);
        }
        return json;
    }

    /** A search's answer: {@code {"items": [...], "search_criteria": {...}, "total_count": N}}. */
    JsonNode result(List<? extends JsonNode> items, int totalCount) {
        ObjectNode json = RestJson.object();
        json.putArray("items").addAll(items);
        json.set("search_criteria", echo());
        json.put("total_count", totalCount);
        return json;
    }

    /**
     * The fields a record's Magento 2 form offers a filter: its top-level values, its custom
     * attributes as fields of their own, and the aliases given (entity_id for id, say).
     */
    static Map<String, Object> fieldsOf(JsonNode view, Map<String, String> aliases) {
        Map<String, Object> fields = new LinkedHashMap<>();
        view.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            // Objects and lists of them (an order's items) are not fields a filter names.
            if (!value.isObject() && !(value.isArray() && value.path(0).isObject())) {
                fields.put(field.getKey(), RestJson.toJava(value));
            }
        });
        for (JsonNode attribute : view.path("custom_attributes")) {
            fields.putIfAbsent(attribute.path("attribute_code").asText(), RestJson.toJava(attribute.get("value")));
        }
        aliases.forEach((alias, field) -> fields.putIfAbsent(alias, fields.get(field)));
        return fields;
    }
}
