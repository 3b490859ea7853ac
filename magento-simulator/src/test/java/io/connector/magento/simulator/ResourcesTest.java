package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Read methods the recordings do not exercise, on seeded and generated data. */
@SuppressWarnings("unchecked")
class ResourcesTest {

    private static MagentoSimulator magento;
    private static XmlRpcClient client;
    private static String session;

    @BeforeAll
    static void start() throws Exception {
        magento = MagentoSimulator.builder().seedFromCassettes(CassetteReplayTest.cassettes())
                .generate(GeneratorSpec.of(20, 30, 12).withOrders(10)).start();
        client = new XmlRpcClient(magento.endpoint());
        session = client.login();
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    @Test
    void theCategoryTreeNestsChildrenInPositionOrder() throws Exception {
        Map<String, Object> root = struct(client.call(session, "catalog_category.tree"));
        assertThat(root).containsEntry("category_id", "1").containsEntry("parent_id", "0").containsEntry("level", "0");
        assertThat(root.keySet()).containsExactly("category_id", "parent_id", "name", "is_active", "position", "level", "children");
        Map<String, Object> base = struct(((List<Object>) root.get("children")).get(0));
        assertThat(base).containsEntry("category_id", "2").containsEntry("name", "Default Category");
        List<Object> top = (List<Object>) base.get("children");
        assertThat(top).extracting(n -> struct(n).get("position")).isSortedAccordingTo((a, b) ->
                Integer.compare(Integer.parseInt((String) a), Integer.parseInt((String) b)));
        assertThat(count(root)).isEqualTo(magento.store().categories().size());

        Map<String, Object> subtree = struct(client.call(session, "catalog_category.tree", "2"));
        assertThat(subtree).containsEntry("category_id", "2");
        assertThat(client.fault(session, "catalog_category.tree", "999").code()).isEqualTo(102);
    }

    private static int count(Map<?, ?> node) {
        int total = 1;
        for (Object child : (List<Object>) node.get("children")) {
            total += count((Map<?, ?>) child);
        }
        return total;
    }

    @Test
    void categoriesAndProductsCanBeSeenFromAStoreView() throws Exception {
        magento.store().categories().putStoreViewValues("13", "2", Map.of("name", "Robes et jupes"));
        assertThat(struct(client.call(session, "catalog_category.info", 13)).get("name")).isEqualTo("Dresses & Skirts");
        assertThat(struct(client.call(session, "catalog_category.info", 13, "french")).get("name")).isEqualTo("Robes et jupes");
        assertThat(struct(client.call(session, "catalog_category.info", 13, 2)).get("name")).isEqualTo("Robes et jupes");

        magento.store().products().putStoreViewValues("337", "3", Map.of("name", "Pilotenbrille"));
        assertThat(struct(client.call(session, "ol_catalog_product.info", 337, "german", null, "id")).get("name")).isEqualTo("Pilotenbrille");
    }

    @Test
    void productsAreFoundByIdOrSku() throws Exception {
        assertThat(struct(client.call(session, "ol_catalog_product.info", "ace000", null, null, "sku")).get("product_id")).isEqualTo("337");
        assertThat(struct(client.call(session, "ol_catalog_product.info", "ace000")).get("product_id")).isEqualTo("337");
        Map<String, Object> selected = struct(client.call(session, "ol_catalog_product.info", 337, null, list("sku", "price"), "id"));
        assertThat(selected).containsOnlyKeys("product_id", "sku", "price");
    }

    @Test
    void theProductListAnswersMagentosShortFormAndFilters() throws Exception {
        List<Object> all = (List<Object>) client.call(session, "catalog_product.list", Map.of());
        assertThat(all).hasSize(magento.store().products().size());
        Map<String, Object> aviator = all.stream().map(XmlRpcClient::struct).filter(p -> "337".equals(p.get("product_id"))).findFirst().orElseThrow();
        assertThat(aviator).isEqualTo(Map.of("product_id", "337", "sku", "ace000", "name", "Aviator Sunglasses", "set", "11",
                "type", "simple", "category_ids", List.of("18"), "website_ids", List.of("1")));
        List<Object> recent = (List<Object>) client.call(session, "catalog_product.list", Map.of("updated_at", Map.of("from", "2014-01-01 00:00:00")));
        assertThat(recent).extracting(p -> struct(p).get("product_id")).contains("879", "512").doesNotContain("337", "338");
        List<Object> inCategory = (List<Object>) client.call(session, "catalog_product.list", Map.of("category_ids", Map.of("eq", "28")));
        assertThat(inCategory).extracting(p -> struct(p).get("product_id")).contains("338").doesNotContain("337");
    }

    @Test
    void categoriesAreSearchedByUpdateDate() throws Exception {
        List<Object> ids = (List<Object>) client.call(session, "oerp_catalog_category.search",
                Map.of("updated_at", Map.of("from", "2013-05-06 00:00:00", "to", "2013-05-06 23:59:59")));
        assertThat(ids).contains("26").doesNotContain("1", "2");
    }

    @Test
    void addressesFollowTheirCustomerAndItsDefaults() throws Exception {
        assertThat((List<Object>) client.call(session, "customer_address.list", Map.of("customer_id", Map.of("eq", "65"))))
                .extracting(a -> struct(a).get("customer_address_id")).containsExactly("35", "97");
        assertThat((List<Object>) client.call(session, "customer_address.list", 65)).hasSize(2);
        assertThat(client.fault(session, "customer_address.list", 424242).code()).isEqualTo(101);

        magento.store().customers().set("65", "default_shipping", "35");
        Map<String, Object> canal = struct(client.call(session, "customer_address.info", 35));
        assertThat(canal).containsEntry("is_default_billing", true).containsEntry("is_default_shipping", true);
        assertThat(struct(client.call(session, "customer_address.info", 97))).containsEntry("is_default_shipping", false);
        magento.store().customers().set("65", "default_shipping", "97");
    }

    @Test
    void aChangedCustomerIsFoundByTheNextIncrementalSearch() throws Exception {
        Map<String, Object> window = Map.of("updated_at", Map.of("from", "2030-01-01 00:00:00"));
        assertThat((List<Object>) client.call(session, "ol_customer.search", window)).isEmpty();
        magento.store().customers().set("136", "updated_at", "2030-01-02 03:04:05");
        assertThat((List<Object>) client.call(session, "ol_customer.search", window)).containsExactly("136");
        assertThat(struct(client.call(session, "customer.info", 136)).get("updated_at")).isEqualTo("2030-01-02 03:04:05");
        magento.store().customers().set("136", "updated_at", "2014-05-03 21:36:47");
    }

    @Test
    void storeStructureAndCustomerGroupsAreListed() throws Exception {
        assertThat(client.call(session, "ol_storeviews.search", Map.of("website_id", Map.of("eq", 1)))).isEqualTo(List.of("1", "2", "3"));
        List<Object> groups = (List<Object>) client.call(session, "ol_customer_groups.list", Map.of());
        assertThat(groups).extracting(g -> struct(g).get("customer_group_code")).contains("NOT LOGGED IN", "General", "Wholesale", "VIP Member");
    }

    @Test
    void attributeSetsAreListedAsMagento19AnswersThemAndCoverEveryProductsSet() throws Exception {
        List<Object> sets = (List<Object>) client.call(session, "catalog_product_attribute_set.list");
        assertThat(sets).first().isEqualTo(Map.of("set_id", "4", "name", "Default"));
        assertThat(sets).allSatisfy(set -> assertThat(struct(set)).containsOnlyKeys("set_id", "name"));
        assertThat(sets).extracting(set -> struct(set).get("set_id")).containsExactly("4", "9", "10", "11", "12", "13");
        assertThat(client.call(session, "product_attribute_set.list")).as("the alias").isEqualTo(sets);
        List<Object> setIds = sets.stream().map(set -> struct(set).get("set_id")).toList();
        assertThat(magento.store().products().records()).as("recorded and generated products")
                .allSatisfy(product -> assertThat(setIds).contains(product.get("set")));
        assertThat(client.fault(session, "catalog_product_attribute_set.info", 4).code()).as("Magento has no info").isEqualTo(3);

        magento.store().attributeSets().set("10", "name", "Bags");
        try {
            assertThat(((List<Object>) client.call(session, "catalog_product_attribute_set.list")).get(2))
                    .isEqualTo(Map.of("set_id", "10", "name", "Bags"));
        } finally {
            magento.store().attributeSets().set("10", "name", "Bags & Luggage");
        }
    }

    @Test
    void attributeSetsTheDataAlreadyHasAreKept() {
        DataStore data = new DataStore();
        data.attributeSets().put("4", null, Map.of("set_id", "4", "name", "Standard"));
        try (MagentoSimulator shop = MagentoSimulator.builder().store(data).start()) {
            assertThat(shop.store().attributeSets().get("4").orElseThrow()).containsEntry("name", "Standard");
            assertThat(shop.store().attributeSets().ids()).containsExactly("4", "9", "10", "11", "12", "13");
        }
    }

    @Test
    void ordersAreSearchedTheWayTheConnectorAsks() throws Exception {
        Map<String, Object> filters = Map.of("store_id", Map.of("in", list("1")), "created_at", Map.of("from", "2013-05-25 00:00:00"));
        List<Object> notImported = (List<Object>) client.call(session, "sales_order.search", Map.of("imported", false, "filters", filters));
        assertThat(notImported).contains("100000201", "145000008");
        List<Object> plain = (List<Object>) client.call(session, "sales_order.search", Map.of("increment_id", Map.of("eq", "100000201")));
        assertThat(plain).containsExactly("100000201");
        assertThat((List<Object>) client.call(session, "sales_order.search", Map.of("imported", true))).isEmpty();
        assertThat(client.call(session, "sales_order.get_parent", "100000201")).isEqualTo(false);
        // Generated orders take increment ids after the recorded 145000008.
        Map<String, Object> generated = struct(client.call(session, "sales_order.info", "145000009"));
        assertThat(generated).containsKeys("items", "billing_address", "shipping_address", "payment", "status_history", "grand_total");
    }
}
