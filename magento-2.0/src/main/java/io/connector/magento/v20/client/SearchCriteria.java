package io.connector.magento.v20.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a {@code search} endpoint ({@code products}, {@code customers/search}, {@code orders}, ...)
 * is asked, immutable: filter groups ANDed, the filters of a group ORed, a page, a projection.
 *
 * <pre>
 * SearchCriteria.all()
 *         .where("updated_at", Condition.FROM, from).where("updated_at", Condition.TO, to)
 *         .whereAny(Filter.of("status", Condition.EQ, "pending"), Filter.of("status", Condition.EQ, "processing"))
 *         .fields("items[entity_id]")
 *         .query()
 * </pre>
 *
 * As parameters: {@code searchCriteria[filter_groups][G][filters][F][field|value|condition_type]},
 * {@code searchCriteria[pageSize]}, {@code searchCriteria[currentPage]}, {@code fields}; with no
 * filter and no page, {@code searchCriteria=} (empty), which the search endpoints require.
 * Values: a collection joined with commas (for {@code in}/{@code nin}), a {@link LocalDateTime}
 * or an {@link Instant} (taken as UTC) as {@code yyyy-MM-dd HH:mm:ss} (Magento's dates are UTC),
 * anything else as its text.
 */
public final class SearchCriteria {

    private static final DateTimeFormatter MAGENTO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String PREFIX = "searchCriteria";

    /** One filter: {@code field} compared by {@code condition} with {@code value} (null for {@code null}/{@code notnull}). */
    public record Filter(String field, Condition condition, Object value) {
        public Filter {
            Objects.requireNonNull(condition, "condition");
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("A filter needs a field");
            }
            if (condition.takesValue() != (value != null)) {
                throw new IllegalArgumentException("Filter " + field + " " + condition.wireName()
                        + (condition.takesValue() ? " needs a value" : " takes no value"));
            }
            if (value instanceof Collection<?> values && values.isEmpty()) {
                throw new IllegalArgumentException("Filter " + field + " " + condition.wireName() + " with no values");
            }
        }

        public static Filter of(String field, Condition condition, Object value) {
            return new Filter(field, condition, value);
        }

        /** A filter without a value: {@link Condition#NULL} or {@link Condition#NOTNULL}. */
        public static Filter of(String field, Condition condition) {
            return new Filter(field, condition, null);
        }
    }

    private static final SearchCriteria ALL = new SearchCriteria(List.of(), null, null, null);

    private final List<List<Filter>> groups;
    private final Integer pageSize;
    private final Integer currentPage;
    private final String fields;

    private SearchCriteria(List<List<Filter>> groups, Integer pageSize, Integer currentPage, String fields) {
        this.groups = groups;
        this.pageSize = pageSize;
        this.currentPage = currentPage;
        this.fields = fields;
    }

    /** Every record: no filter, Magento's default page (all of them). */
    public static SearchCriteria all() {
        return ALL;
    }

    /** These criteria and a filter group of one filter. */
    public SearchCriteria where(String field, Condition condition, Object value) {
        return whereAny(Filter.of(field, condition, value));
    }

    /** These criteria and a filter group of one filter without a value ({@code null}, {@code notnull}). */
    public SearchCriteria where(String field, Condition condition) {
        return whereAny(Filter.of(field, condition));
    }

    /** These criteria and a filter group: a record matches when any of {@code filters} does. */
    public SearchCriteria whereAny(Filter... filters) {
        if (filters.length == 0) {
            throw new IllegalArgumentException("A filter group needs a filter");
        }
        List<List<Filter>> more = new ArrayList<>(groups);
        more.add(List.of(filters));
        return new SearchCriteria(List.copyOf(more), pageSize, currentPage, fields);
    }

    /** At most {@code size} records, from page {@code current} (1 is the first). */
    public SearchCriteria page(int size, int current) {
        if (size < 1 || current < 1) {
            throw new IllegalArgumentException("Page " + current + " of " + size + ": both start at 1");
        }
        return new SearchCriteria(groups, size, current, fields);
    }

    /** Only these fields of the answer, as Magento's {@code fields} parameter says them: {@code items[id]}. */
    public SearchCriteria fields(String projection) {
        if (projection == null || projection.isBlank()) {
            throw new IllegalArgumentException("An empty projection");
        }
        return new SearchCriteria(groups, pageSize, currentPage, projection);
    }

    /** As query parameters. */
    public Query query() {
        Query query = Query.NONE;
        if (groups.isEmpty() && pageSize == null) {
            query = query.and(PREFIX, "");
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Filter> group = groups.get(g);
            for (int f = 0; f < group.size(); f++) {
                Filter filter = group.get(f);
                String at = PREFIX + "[filter_groups][" + g + "][filters][" + f + "]";
                query = query.and(at + "[field]", filter.field());
                if (filter.value() != null) {
                    query = query.and(at + "[value]", text(filter.value()));
                }
                query = query.and(at + "[condition_type]", filter.condition().wireName());
            }
        }
        if (pageSize != null) {
            query = query.and(PREFIX + "[pageSize]", pageSize).and(PREFIX + "[currentPage]", currentPage);
        }
        return fields == null ? query : query.and("fields", fields);
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(SearchCriteria::text).collect(Collectors.joining(","));
        }
        if (value instanceof LocalDateTime dateTime) {
            return MAGENTO_DATE.format(dateTime);
        }
        if (value instanceof Instant instant) {
            return MAGENTO_DATE.format(instant.atOffset(ZoneOffset.UTC));
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return query().toString();
    }
}
