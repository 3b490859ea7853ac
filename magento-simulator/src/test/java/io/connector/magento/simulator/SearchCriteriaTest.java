package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** searchCriteria, paging, sorting and fields= over HTTP on a generated shop, checked against the store's own records. */
class SearchCriteriaTest {

    private static MagentoSimulator magento;
    private static RestClient client;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.parse("customers=40,products=30,categories=8,orders=25,seed=3")).start();
        client = new RestClient(magento);
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    /** A query of filter groups, each a list of {field, value, condition type or null}. */
    private static String criteria(List<List<String[]>> groups) {
        StringBuilder query = new StringBuilder();
        for (int g = 0; g < groups.size(); g++) {
            for (int f = 0; f < groups.get(g).size(); f++) {
                String[] filter = groups.get(g).get(f);
                String prefix = "searchCriteria[filter_groups][" + g + "][filters][" + f + "]";
                query.append('&').append(prefix).append("[field]=").append(encode(filter[0]));
                query.append('&').append(prefix).append("[value]=").append(encode(filter[1]));
                if (filter.length > 2) {
                    query.append('&').append(prefix).append("[condition_type]=").append(filter[2]);
                }
            }
        }
        return query.length() == 0 ? "searchCriteria=" : query.substring(1);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<List<String[]>> groups(String[]... oneFilterEach) {
        List<List<String[]>> groups = new ArrayList<>();
        for (String[] filter : oneFilterEach) {
            groups.add(List.<String[]>of(filter));
        }
        return groups;
    }

    private static List<Integer> ids(JsonNode result, String idField) {
        List<Integer> ids = new ArrayList<>();
        result.get("items").forEach(item -> ids.add(item.get(idField).asInt()));
        return ids;
    }

    private static List<Integer> customersWhere(Predicate<Map<String, Object>> test) {
        List<Integer> ids = new ArrayList<>();
        for (String id : magento.store().customers().ids(test)) {
            ids.add(Integer.parseInt(id));
        }
        return ids;
    }

    private static String text(Map<String, Object> record, String field) {
        return Values.text(record.get(field));
    }

    @Test
    void anEmptyCriteriaFindsEverythingAndEchoesNoGroups() throws Exception {
        JsonNode result = client.get("customers/search?searchCriteria=").json();
        assertThat(result.get("total_count").asInt()).isEqualTo(40);
        assertThat(ids(result, "id")).isEqualTo(customersWhere(c -> true));
        assertThat(result.get("search_criteria")).isEqualTo(RestClient.JSON.readTree("{\"filter_groups\": []}"));
        assertThat(result.get("items").get(0).has("addresses")).isTrue();
    }

    @Test
    void eachConditionTypeSelectsWhatMagentosWould() throws Exception {
        Map<String, Object> some = magento.store().customers().get("7").orElseThrow();
        String email = text(some, "email");
        String updated = text(some, "updated_at");
        Map<String, Predicate<Map<String, Object>>> expected = new LinkedHashMap<>();
        Map<String, String[]> filters = new LinkedHashMap<>();
        filters.put("eq", new String[] {"email", email});
        expected.put("eq", c -> email.equals(text(c, "email")));
        filters.put("neq", new String[] {"group_id", "1", "neq"});
        expected.put("neq", c -> !"1".equals(text(c, "group_id")));
        filters.put("in", new String[] {"group_id", "2,3", "in"});
        expected.put("in", c -> List.of("2", "3").contains(text(c, "group_id")));
        filters.put("nin", new String[] {"store_id", "1,2", "nin"});
        expected.put("nin", c -> !List.of("1", "2").contains(text(c, "store_id")));
        filters.put("like", new String[] {"email", "%.1%", "like"});
        expected.put("like", c -> text(c, "email").contains(".1"));
        filters.put("from", new String[] {"updated_at", updated, "from"});
        expected.put("from", c -> text(c, "updated_at").compareTo(updated) >= 0);
        filters.put("to", new String[] {"updated_at", updated, "to"});
        expected.put("to", c -> text(c, "updated_at").compareTo(updated) <= 0);
        filters.put("gt", new String[] {"entity_id", "30", "gt"});
        expected.put("gt", c -> Integer.parseInt(text(c, "customer_id")) > 30);
        filters.put("lteq", new String[] {"id", "4", "lteq"});
        expected.put("lteq", c -> Integer.parseInt(text(c, "customer_id")) <= 4);
        filters.put("null", new String[] {"middlename", "", "null"});
        expected.put("null", c -> c.get("middlename") == null);
        filters.put("notnull", new String[] {"dob", "", "notnull"});
        expected.put("notnull", c -> c.get("dob") != null);
        for (Map.Entry<String, String[]> filter : filters.entrySet()) {
            List<Integer> want = customersWhere(expected.get(filter.getKey()));
            assertThat(want).as("the shop has some to find for " + filter.getKey()).isNotEmpty();
            JsonNode result = client.get("customers/search?" + criteria(groups(filter.getValue()))).json();
            assertThat(ids(result, "id")).as(filter.getKey()).isEqualTo(want);
            assertThat(result.get("total_count").asInt()).isEqualTo(want.size());
        }
    }

    @Test
    void filtersOfAGroupAreOredAndGroupsAnded() throws Exception {
        String first = text(magento.store().customers().get("3").orElseThrow(), "email");
        String second = text(magento.store().customers().get("9").orElseThrow(), "email");
        List<List<String[]>> either = List.of(List.of(new String[] {"email", first}, new String[] {"email", second}));
        assertThat(ids(client.get("customers/search?" + criteria(either)).json(), "id")).containsExactly(3, 9);
        List<List<String[]>> both = List.of(either.get(0), List.<String[]>of(new String[] {"entity_id", "5", "gt"}));
        assertThat(ids(client.get("customers/search?" + criteria(both)).json(), "id")).containsExactly(9);
    }

    @Test
    void findInSetAndMoreqAsMagentosOldNames() throws Exception {
        magento.store().customers().set("12", "taxvat", "FR1,DE2,IT3");
        JsonNode found = client.get("customers/search?" + criteria(groups(new String[] {"taxvat", "DE2", "finset"}))).json();
        assertThat(ids(found, "id")).containsExactly(12);
        JsonNode moreq = client.get("customers/search?" + criteria(groups(new String[] {"id", "38", "moreq"}))).json();
        assertThat(ids(moreq, "id")).containsExactly(38, 39, 40);
    }

    @Test
    void pagesSliceTheSortedMatchesAndThePageAfterTheLastIsTheLast() throws Exception {
        String base = "customers/search?searchCriteria[sortOrders][0][field]=email&searchCriteria[sortOrders][0][direction]=DESC";
        JsonNode all = client.get(base).json();
        List<String> emails = new ArrayList<>();
        all.get("items").forEach(c -> emails.add(c.get("email").asText()));
        assertThat(emails).isSortedAccordingTo((a, b) -> b.compareTo(a));
        JsonNode page = client.get(base + "&searchCriteria[pageSize]=7&searchCriteria[currentPage]=2").json();
        assertThat(page.get("total_count").asInt()).isEqualTo(40);
        List<String> second = new ArrayList<>();
        page.get("items").forEach(c -> second.add(c.get("email").asText()));
        assertThat(second).isEqualTo(emails.subList(7, 14));
        assertThat(page.get("search_criteria")).isEqualTo(RestClient.JSON.readTree("{\"filter_groups\": [],"
                + " \"sort_orders\": [{\"field\": \"email\", \"direction\": \"DESC\"}], \"page_size\": 7, \"current_page\": 2}"));
        JsonNode beyond = client.get(base + "&searchCriteria[pageSize]=7&searchCriteria[currentPage]=99").json();
        List<String> last = new ArrayList<>();
        beyond.get("items").forEach(c -> last.add(c.get("email").asText()));
        assertThat(last).isEqualTo(emails.subList(35, 40));
    }

    @Test
    void fieldsKeepOnlyWhatTheyName() throws Exception {
        JsonNode ids = client.get("customerGroups/search?fields=items[id]&searchCriteria=").json();
        assertThat(ids).isEqualTo(RestClient.JSON.readTree("{\"items\": [{\"id\": 0}, {\"id\": 1}, {\"id\": 2}, {\"id\": 3}, {\"id\": 4}]}"));
        JsonNode skus = client.get("products?fields=items[sku,extension_attributes[website_ids]],total_count&searchCriteria=").json();
        assertThat(skus.get("total_count").asInt()).isEqualTo(30);
        assertThat(skus.get("items").get(0).get("extension_attributes")).isEqualTo(RestClient.JSON.readTree("{\"website_ids\": [1]}"));
        assertThat(skus.get("items").get(0).size()).isEqualTo(2);
        assertThat(skus.has("search_criteria")).isFalse();
        assertThat(client.get("store/websites?fields=id").json()).isEqualTo(RestClient.JSON.readTree("[{\"id\": 1}, {\"id\": 0}]"));
        assertThat(client.get("store/storeConfigs?fields=id").json()).isEqualTo(RestClient.JSON.readTree("[{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]"));
        assertThat(client.get("customers/1?fields=id,email").json().size()).isEqualTo(2);
        assertThat(client.get("customers/1?fields=id]").status()).isEqualTo(400);
    }

    @Test
    void productsAreFoundByCategoryCustomAttributeAndDate() throws Exception {
        Map<String, Object> product = magento.store().products().get("5").orElseThrow();
        String category = Values.text(((List<?>) product.get("category_ids")).get(0));
        JsonNode inCategory = client.get("products?" + criteria(groups(new String[] {"category_id", category}))).json();
        List<Integer> want = new ArrayList<>();
        for (String id : magento.store().products().ids(p -> ((List<?>) p.get("category_ids")).contains(category))) {
            want.add(Integer.parseInt(id));
        }
        assertThat(ids(inCategory, "id")).isEqualTo(want).contains(5);
        JsonNode bySku = client.get("products?" + criteria(groups(new String[] {"sku", text(product, "sku")}))).json();
        assertThat(ids(bySku, "id")).containsExactly(5);
        JsonNode byUrlKey = client.get("products?" + criteria(groups(new String[] {"url_key", text(product, "url_key")}))).json();
        assertThat(ids(byUrlKey, "id")).containsExactly(5);
        String updated = text(product, "updated_at");
        JsonNode window = client.get("products?" + criteria(groups(new String[] {"updated_at", updated, "from"},
                new String[] {"updated_at", updated, "to"}))).json();
        assertThat(ids(window, "id")).contains(5);
        JsonNode categories = client.get("categories/list?" + criteria(groups(new String[] {"level", "2"}))).json();
        assertThat(categories.get("items")).allSatisfy(c -> assertThat(c.get("level").asInt()).isEqualTo(2)).isNotEmpty();
    }

    @Test
    void theReferencesOrderSearchFindsTheOrdersOfAStoreViewInAWindow() throws Exception {
        String query = criteria(groups(new String[] {"state", "canceled", "neq"}, new String[] {"created_at", "2017-06-01 00:00:00", "from"},
                new String[] {"created_at", "2017-06-30 00:00:00", "to"}, new String[] {"store_id", "1", "in"}));
        JsonNode result = client.get("orders?fields=items[entity_id]&" + query).json();
        List<Integer> want = new ArrayList<>();
        for (Map<String, Object> order : magento.store().orders().records()) {
            String created = text(order, "created_at");
            if (!"canceled".equals(text(order, "state")) && created.compareTo("2017-06-01 00:00:00") >= 0
                    && created.compareTo("2017-06-30 00:00:00") <= 0 && "1".equals(text(order, "store_id"))) {
                want.add(Integer.parseInt(text(order, "order_id")));
            }
        }
        want.sort(Integer::compare);
        assertThat(want).isNotEmpty();
        assertThat(ids(result, "entity_id")).isEqualTo(want);
        assertThat(result.get("items").get(0).size()).isEqualTo(1);
    }

    @Test
    void theCriteriaParserRefusesWhatMagentoRefuses() {
        assertThatThrownBy(() -> SearchCriteria.parse(Map.of())).isInstanceOfSatisfying(RestError.class,
                e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> SearchCriteria.parse(Map.of("searchCriteria[pageSize]", List.of("ten")))).isInstanceOf(RestError.class);
        assertThatThrownBy(() -> SearchCriteria.parse(Map.of("searchCriteria[filter_groups][0][filters][0][value]", List.of("x"))))
                .isInstanceOf(RestError.class);
        assertThatThrownBy(() -> SearchCriteria.parse(Map.of("searchCriteria[sortOrders][0][field]", List.of("x"),
                "searchCriteria[sortOrders][0][direction]", List.of("UP")))).isInstanceOf(RestError.class);
    }
}
