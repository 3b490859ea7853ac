package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated orders: every kind an order import must handle, totals an importer can check against
 * grand_total and tax_amount, children and edited chains that hold together, and the reference
 * connector's search over them.
 */
@SuppressWarnings("unchecked")
class GeneratedOrdersTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.parse("customers=150,products=200,categories=10,orders=400,seed=7");
    private static final BigDecimal RATE = new BigDecimal("0.09");

    private static MagentoSimulator magento;
    private static XmlRpcClient client;
    private static String session;
    private static List<Map<String, Object>> orders;

    @BeforeAll
    static void start() throws Exception {
        magento = MagentoSimulator.builder().generate(SPEC).start();
        client = new XmlRpcClient(magento.endpoint());
        session = client.login();
        orders = magento.store().orders().records();
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    @Test
    void fourHundredOrdersHoldEveryKindInTheirProportions() {
        assertThat(orders).hasSize(400);
        assertThat(orders).extracting(o -> payment(o).get("method"))
                .contains("checkmo", "ccsave", "paypal_express", "cashondelivery", "purchaseorder");
        assertThat(orders).extracting(o -> o.get("shipping_method"))
                .contains("flatrate_flatrate", "ups_GND", "freeshipping_freeshipping", "tablerate_bestway");
        assertThat(orders).filteredOn(o -> "ups_GND".equals(o.get("shipping_method")))
                .allSatisfy(o -> assertThat(o).containsEntry("shipping_description", "United Parcel Service - Ground"));
        assertThat(orders).filteredOn(o -> "freeshipping_freeshipping".equals(o.get("shipping_method")))
                .allSatisfy(o -> assertThat(o).containsEntry("shipping_amount", "0.0000").containsEntry("shipping_incl_tax", "0.0000"));

        assertThat(count(o -> hasItem(o, "configurable"))).as("with a configurable product, 1 in 5").isBetween(50, 115);
        assertThat(count(o -> hasItem(o, "bundle"))).as("with a bundle, 1 in 20").isBetween(8, 40);
        assertThat(count(o -> o.get("coupon_code") != null)).as("with a coupon, 1 in 6").isBetween(40, 100);
        assertThat(count(o -> o.get("customer_id") == null)).as("guests, 1 in 7").isBetween(35, 90);
        assertThat(count(o -> o.get("relation_parent_real_id") != null)).as("edits, from 1 chain in 25").isBetween(8, 40);
        assertThat(count(o -> "canceled".equals(o.get("state")) && o.get("relation_child_id") == null))
                .as("cancelled besides the edited, 1 in 30").isBetween(5, 30);
        String sixtyDaysAgo = GeneratedDates.naive(DataGenerator.NOW.minusDays(60));
        assertThat(count(o -> ((String) o.get("created_at")).compareTo(sixtyDaysAgo) < 0)).as("old, 1 in 40").isBetween(3, 25);
        assertThat(orders).extracting(o -> (String) o.get("created_at")).allMatch(c -> c.compareTo(GeneratedDates.naive(DataGenerator.NOW)) <= 0);

        assertThat(count(o -> o.containsKey("gift_cert_amount"))).isPositive();
        assertThat(count(o -> o.get("customer_balance_amount") != null)).isPositive();
        assertThat(count(o -> o.get("reward_currency_amount") != null)).isPositive();
        assertThat(orders).filteredOn(o -> o.containsKey("cod_fee"))
                .isNotEmpty().allSatisfy(o -> assertThat(payment(o)).containsEntry("method", "cashondelivery"));
        assertThat(orders).allSatisfy(o -> assertThat(extraAmounts(o)).as("extra amounts come alone").isLessThanOrEqualTo(1));
    }

    @Test
    void ordersAreSpreadOverTheStoreViewsWithTheirNames() {
        Map<String, String> names = Map.of("1", "English", "2", "French", "3", "German");
        assertThat(orders).extracting(o -> o.get("store_id")).contains("1", "2", "3").doesNotContain("0");
        assertThat(orders).allSatisfy(o -> assertThat(o.get("store_name"))
                .isEqualTo("Main Website\nMadison Island\n" + names.get((String) o.get("store_id"))));
    }

    @Test
    void guestsHaveNoCustomerIds() {
        assertThat(orders).filteredOn(o -> o.get("customer_id") == null).isNotEmpty().allSatisfy(o -> {
            assertThat(o).containsEntry("customer_is_guest", "1").containsEntry("customer_group_id", "0");
            assertThat(((Map<String, Object>) o.get("billing_address")).get("customer_id")).isNull();
            assertThat(((Map<String, Object>) o.get("shipping_address")).get("customer_address_id")).isNull();
        });
    }

    @Test
    void theSameSeedMakesTheSameOrders() {
        DataStore again = new DataStore();
        DataGenerator.populate(again, SPEC);
        assertThat(again.orders().records()).isEqualTo(orders);
        DataStore other = new DataStore();
        DataGenerator.populate(other, SPEC.withSeed(8));
        assertThat(other.orders().records()).isNotEqualTo(orders);
    }

    /** The importer's check: what the rule gives from the items and amounts is what the order says. */
    @Test
    void everyGrandTotalAndTaxFollowTheRule() {
        for (Map<String, Object> order : orders) {
            BigDecimal subtotal = BigDecimal.ZERO;
            BigDecimal itemsTax = BigDecimal.ZERO;
            BigDecimal discount = BigDecimal.ZERO;
            for (Map<String, Object> item : pricedItems(order)) {
                BigDecimal row = money(item.get("price")).multiply(money(item.get("qty_ordered")));
                BigDecimal tax = cents(row.subtract(money(item.get("discount_amount"))).multiply(RATE));
                assertThat(money(item.get("row_total"))).isEqualByComparingTo(row);
                assertThat(money(item.get("tax_amount"))).isEqualByComparingTo(tax);
                assertThat(money(item.get("price_incl_tax"))).isEqualByComparingTo(money(item.get("price")).add(cents(money(item.get("price")).multiply(RATE))));
                assertThat(money(item.get("row_total_incl_tax"))).isEqualByComparingTo(row.add(tax));
                for (String field : List.of("price", "tax_amount", "discount_amount", "row_total", "row_total_incl_tax")) {
                    assertThat(item.get("base_" + field)).isEqualTo(item.get(field));
                }
                subtotal = subtotal.add(row);
                itemsTax = itemsTax.add(tax);
                discount = discount.add(money(item.get("discount_amount")));
            }
            BigDecimal shipping = money(order.get("shipping_amount"));
            BigDecimal shippingTax = cents(shipping.multiply(RATE));
            BigDecimal tax = itemsTax.add(shippingTax).add(money(order.get("cod_tax_amount")));
            BigDecimal grandTotal = subtotal.subtract(discount).add(shipping).add(shippingTax).add(itemsTax)
                    .add(money(order.get("cod_fee"))).add(money(order.get("cod_tax_amount")))
                    .subtract(money(order.get("gift_cert_amount"))).subtract(money(order.get("customer_balance_amount")))
                    .subtract(money(order.get("reward_currency_amount")));
            String id = (String) order.get("increment_id");
            assertThat(money(order.get("subtotal"))).as(id).isEqualByComparingTo(subtotal);
            assertThat(money(order.get("discount_amount"))).as(id).isEqualByComparingTo(discount.negate());
            assertThat(money(order.get("shipping_tax_amount"))).as(id).isEqualByComparingTo(shippingTax);
            assertThat(money(order.get("tax_amount"))).as(id).isEqualByComparingTo(tax);
            assertThat(money(order.get("grand_total"))).as(id).isEqualByComparingTo(grandTotal).isNotNegative();
            assertThat(money(order.get("subtotal_incl_tax"))).as(id).isEqualByComparingTo(subtotal.add(itemsTax));
            assertThat(money(order.get("cod_tax_amount"))).as(id).isEqualByComparingTo(cents(money(order.get("cod_fee")).multiply(RATE)));
            for (String field : List.of("grand_total", "tax_amount", "subtotal", "discount_amount", "shipping_amount", "shipping_incl_tax")) {
                assertThat(order.get("base_" + field)).as(id + " base_" + field).isEqualTo(order.get(field));
            }
            assertThat((String) order.get("grand_total")).matches("\\d+\\.\\d{4}");
            assertThat(payment(order)).containsEntry("amount_ordered", order.get("grand_total"));
        }
    }

    @Test
    void whatIsPaidOrAuthorizedDependsOnThePaymentMethod() {
        for (Map<String, Object> order : orders) {
            Map<String, Object> payment = payment(order);
            Object total = order.get("grand_total");
            switch ((String) payment.get("method")) {
                case "ccsave" -> assertThat(payment).containsEntry("base_amount_authorized", total).containsEntry("amount_authorized", total)
                        .containsEntry("amount_paid", null);
                case "paypal_express" -> assertThat(payment).containsEntry("amount_paid", total).containsEntry("base_amount_paid", total)
                        .containsEntry("base_amount_authorized", null);
                default -> assertThat(payment).containsEntry("amount_paid", null).containsEntry("base_amount_authorized", null);
            }
        }
    }

    @Test
    void configurableAndBundleChildrenPointToTheirParentItem() {
        Map<String, Object> anyConfigurable = null;
        for (Map<String, Object> order : orders) {
            Map<String, Map<String, Object>> byId = new HashMap<>();
            items(order).forEach(i -> byId.put((String) i.get("item_id"), i));
            for (Map<String, Object> item : items(order)) {
                String parentId = (String) item.get("parent_item_id");
                if (parentId == null) {
                    continue;
                }
                Map<String, Object> parent = byId.get(parentId);
                assertThat(parent).as("parent of item " + item.get("item_id")).isNotNull();
                assertThat(parent).containsEntry("has_children", true).containsEntry("parent_item_id", null);
                assertThat(item.get("product_type")).isEqualTo("simple");
                assertThat(product((String) item.get("product_id"))).containsEntry("type_id", "simple").containsEntry("sku", item.get("sku"));
                if ("configurable".equals(parent.get("product_type"))) {
                    anyConfigurable = parent;
                    assertThat(item).containsEntry("qty_ordered", parent.get("qty_ordered")).containsEntry("price", "0.0000")
                            .containsEntry("row_total_incl_tax", null);
                    assertThat(parent).containsEntry("sku", item.get("sku"));
                    assertThat((String) parent.get("product_options")).contains("s:10:\"simple_sku\";s:" + ((String) item.get("sku")).length()
                            + ":\"" + item.get("sku") + "\";");
                } else {
                    assertThat(parent).containsEntry("product_type", "bundle").containsEntry("row_total", "0.0000").containsEntry("tax_amount", "0.0000");
                    assertThat(money(item.get("row_total"))).isPositive();
                }
            }
            long bundles = items(order).stream().filter(i -> "bundle".equals(i.get("product_type"))).count();
            if (bundles > 0) {
                long children = items(order).stream().filter(i -> "bundle".equals(type(byId, i.get("parent_item_id")))).count();
                assertThat(children).isBetween(2 * bundles, 3 * bundles);
            }
        }
        assertThat(anyConfigurable).isNotNull();
        assertThat((String) anyConfigurable.get("product_options")).contains("s:15:\"attributes_info\";a:2:{i:0;a:2:{s:5:\"label\";s:5:\"Color\";s:5:\"value\";");
    }

    /** The reference walks an edited order's chain with get_parent: each call answers the parent of the one it names. */
    @Test
    void editedChainsWalkBackToACanceledOriginal() throws Exception {
        List<Map<String, Object>> lastEdits = orders.stream()
                .filter(o -> o.get("relation_parent_real_id") != null && o.get("relation_child_id") == null).toList();
        assertThat(lastEdits).isNotEmpty().anySatisfy(o -> assertThat(o.get("edit_increment")).isEqualTo("2"));
        for (Map<String, Object> last : lastEdits) {
            String original = (String) last.get("original_increment_id");
            assertThat(last).containsEntry("state", "new").containsEntry("increment_id", original + "-" + last.get("edit_increment"));
            List<Object> chain = new ArrayList<>();
            Object parent = last.get("relation_parent_real_id");
            while (!Boolean.FALSE.equals(parent)) {
                chain.add(parent);
                parent = client.call(session, "sales_order.get_parent", parent);
            }
            assertThat(chain).endsWith(original).hasSize(Integer.parseInt((String) last.get("edit_increment")));
            for (Object id : chain) {
                Map<String, Object> edited = magento.store().orders().get((String) id).orElseThrow();
                assertThat(edited).containsEntry("state", "canceled").containsEntry("status", "canceled");
                Map<String, Object> next = magento.store().orders().get((String) edited.get("relation_child_real_id")).orElseThrow();
                assertThat(next).containsEntry("relation_parent_id", edited.get("order_id")).containsEntry("relation_parent_real_id", id);
                assertThat(edited.get("relation_child_id")).isEqualTo(next.get("order_id"));
            }
            assertThat(magento.store().orders().get(original).orElseThrow()).containsEntry("edit_increment", null);
        }
    }

    @Test
    void theReferenceSearchAnswersExactlyTheMatchingIncrementIds() throws Exception {
        String from = GeneratedDates.naive(DataGenerator.NOW.minusDays(20));
        String to = GeneratedDates.naive(DataGenerator.NOW.minusDays(5));
        Map<String, Object> filters = Map.of("state", Map.of("neq", "canceled"), "created_at", Map.of("from", from, "to", to),
                "store_id", Map.of("in", list("1")));
        List<Object> found = (List<Object>) client.call(session, "sales_order.search", Map.of("imported", false, "filters", filters));

        Predicate<Map<String, Object>> inWindow = o -> ((String) o.get("created_at")).compareTo(from) >= 0 && ((String) o.get("created_at")).compareTo(to) <= 0;
        List<Object> expected = orders.stream()
                .filter(o -> !"canceled".equals(o.get("state")) && "1".equals(o.get("store_id")) && "0".equals(o.get("imported")))
                .filter(inWindow).map(o -> o.get("increment_id")).toList();
        assertThat(found).isNotEmpty().containsExactlyElementsOf(expected);
        assertThat(orders).as("what the filter leaves out is there")
                .anyMatch(o -> inWindow.test(o) && "canceled".equals(o.get("state")) && "1".equals(o.get("store_id")))
                .anyMatch(o -> inWindow.test(o) && !"1".equals(o.get("store_id")))
                .anyMatch(o -> !inWindow.test(o) && "1".equals(o.get("store_id")));
    }

    /** Items whose amounts count: all but a configurable's child and a bundle parent. */
    private static List<Map<String, Object>> pricedItems(Map<String, Object> order) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        items(order).forEach(i -> byId.put((String) i.get("item_id"), i));
        return items(order).stream()
                .filter(i -> !"bundle".equals(i.get("product_type")) && !"configurable".equals(type(byId, i.get("parent_item_id"))))
                .toList();
    }

    private static Object type(Map<String, Map<String, Object>> byId, Object itemId) {
        return itemId == null ? null : byId.get(itemId).get("product_type");
    }

    private static boolean hasItem(Map<String, Object> order, String type) {
        return items(order).stream().anyMatch(i -> type.equals(i.get("product_type")));
    }

    private static int extraAmounts(Map<String, Object> order) {
        int count = 0;
        for (String field : List.of("cod_fee", "gift_cert_amount", "customer_balance_amount", "reward_currency_amount")) {
            count += money(order.get(field)).signum() != 0 ? 1 : 0;
        }
        return count;
    }

    private static int count(Predicate<Map<String, Object>> test) {
        return (int) orders.stream().filter(test).count();
    }

    private static List<Map<String, Object>> items(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("items");
    }

    private static Map<String, Object> payment(Map<String, Object> order) {
        return (Map<String, Object>) order.get("payment");
    }

    private static Map<String, Object> product(String id) {
        return magento.store().products().get(id).orElseThrow();
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal((String) value);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
