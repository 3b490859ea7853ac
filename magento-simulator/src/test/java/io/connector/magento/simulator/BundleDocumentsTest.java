package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which items an invoice or shipment counts by their own id, and which follow another: Magento's
 * rule for configurable products and bundles ({@code product_calculations}, {@code shipment_type}).
 */
class BundleDocumentsTest {

    private static final String ORDER = "300000001";

    private MagentoSimulator magento;
    private XmlRpcClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        magento = MagentoSimulator.builder().seedFromCassettes(CassetteReplayTest.cassettes()).start();
        client = new XmlRpcClient(magento.endpoint());
        session = client.login();
    }

    @AfterEach
    void stop() {
        magento.stop();
    }

    /**
     * A bundle 901 of two of 902 and one of 903, beside a simple 904. {@code options} null
     * leaves the bundle's product_options out; otherwise {product_calculations, shipment_type}.
     */
    private void putOrder(Integer calculations, Integer shipmentType) {
        Map<String, Object> order = new LinkedHashMap<>(magento.store().orders().get("145000008").orElseThrow());
        order.put("increment_id", ORDER);
        order.put("order_id", "900");
        order.put("shipping_amount", "5.0000");
        order.put("base_shipping_amount", "5.0000");
        boolean fixedPrice = calculations != null && calculations == 1;
        Map<String, Object> options = new LinkedHashMap<>();
        if (calculations != null) {
            options.put("product_calculations", calculations);
            options.put("shipment_type", shipmentType);
        }
        List<Object> items = new ArrayList<>();
        items.add(item("901", null, "bundle", fixedPrice ? "40.0000" : "0.0000", "1.0000",
                calculations == null ? null : PhpSerialized.of(options)));
        items.add(item("902", "901", "simple", fixedPrice ? "0.0000" : "10.0000", "2.0000", null));
        items.add(item("903", "901", "simple", fixedPrice ? "0.0000" : "5.0000", "1.0000", null));
        items.add(item("904", null, "simple", "20.0000", "1.0000", PhpSerialized.of(Map.of("info_buyRequest", Map.of("qty", "1")))));
        order.put("items", items);
        magento.store().orders().put(order);
    }

    private static Map<String, Object> item(String id, String parent, String type, String price, String qty, String options) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", id);
        item.put("parent_item_id", parent);
        item.put("product_type", type);
        item.put("product_options", options);
        item.put("product_id", "5" + id);
        item.put("sku", "sku" + id);
        item.put("name", "Item " + id);
        item.put("qty_ordered", qty);
        item.put("qty_invoiced", "0.0000");
        item.put("qty_shipped", "0.0000");
        item.put("qty_canceled", "0.0000");
        item.put("qty_refunded", "0.0000");
        item.put("price", price);
        item.put("base_price", price);
        String row = Values.amount(Values.decimal(price).multiply(Values.decimal(qty)));
        item.put("row_total", row);
        item.put("tax_amount", Values.amount(Values.decimal(row).multiply(new java.math.BigDecimal("0.09"))));
        item.put("discount_amount", "0.0000");
        item.put("has_children", parent == null && type.equals("bundle") ? Boolean.TRUE : null);
        return item;
    }

    private Map<String, String> quantities(String field) {
        Map<String, String> quantities = new LinkedHashMap<>();
        for (Object item : (List<?>) magento.store().orders().get(ORDER).orElseThrow().get("items")) {
            quantities.put((String) struct(item).get("item_id"), (String) struct(item).get(field));
        }
        return quantities;
    }

    private List<Object> lines(String method, String id) throws Exception {
        List<Object> lines = new ArrayList<>();
        for (Object line : (List<?>) struct(client.call(session, method, id)).get("items")) {
            lines.add(struct(line).get("order_item_id") + "=" + struct(line).get("qty"));
        }
        return lines;
    }

    @Test
    void aDynamicPriceBundleIsInvoicedByItsChildrenAndItsParentFollows() throws Exception {
        putOrder(0, 0);
        assertThat(client.fault(session, "sales_order_invoice.create", ORDER, Map.of("901", 1.0)).code()).as("the parent's id").isEqualTo(102);

        String first = (String) client.call(session, "sales_order_invoice.create", ORDER, Map.of("902", 2.0));
        assertThat(lines("sales_order_invoice.info", first)).containsExactly("902=2.0000");
        assertThat(quantities("qty_invoiced")).containsExactly(Map.entry("901", "0.0000"), Map.entry("902", "2.0000"),
                Map.entry("903", "0.0000"), Map.entry("904", "0.0000"));
        Map<String, Object> invoice = struct(client.call(session, "sales_order_invoice.info", first));
        // 2 × 10.00, its 9% tax, and the order's shipping on its first invoice.
        assertThat(invoice).containsEntry("subtotal", "20.0000").containsEntry("tax_amount", "1.8000").containsEntry("shipping_amount", "5.0000")
                .containsEntry("grand_total", "26.8000");

        String second = (String) client.call(session, "sales_order_invoice.create", ORDER, Map.of("903", 1.0, "904", 1.0));
        assertThat(lines("sales_order_invoice.info", second)).containsExactly("901=1.0000", "903=1.0000", "904=1.0000");
        assertThat(struct(client.call(session, "sales_order_invoice.info", second))).containsEntry("shipping_amount", "0.0000")
                .containsEntry("subtotal", "25.0000");
        assertThat(quantities("qty_invoiced")).containsOnly(Map.entry("901", "1.0000"), Map.entry("902", "2.0000"),
                Map.entry("903", "1.0000"), Map.entry("904", "1.0000"));
        assertThat(client.fault(session, "sales_order_invoice.create", ORDER, Map.of()).code()).isEqualTo(102);
    }

    @Test
    void aBundleShippedTogetherShipsByItsParentAndItsChildrenFollowTheirShare() throws Exception {
        putOrder(0, 0);
        assertThat(client.fault(session, "sales_order_shipment.create", ORDER, Map.of("902", 2.0)).code()).as("a child's id").isEqualTo(102);
        String shipment = (String) client.call(session, "sales_order_shipment.create", ORDER, Map.of("901", 1.0));
        assertThat(lines("sales_order_shipment.info", shipment)).containsExactly("901=1.0000", "902=2.0000", "903=1.0000");
        assertThat(struct(client.call(session, "sales_order_shipment.info", shipment))).containsEntry("total_qty", "1.0000");
        assertThat(quantities("qty_shipped")).containsExactly(Map.entry("901", "1.0000"), Map.entry("902", "2.0000"),
                Map.entry("903", "1.0000"), Map.entry("904", "0.0000"));
    }

    @Test
    void aBundleShippedSeparatelyShipsByItsChildren() throws Exception {
        putOrder(0, 1);
        String first = (String) client.call(session, "sales_order_shipment.create", ORDER, Map.of("902", 1.0, "901", 1.0));
        assertThat(lines("sales_order_shipment.info", first)).containsExactly("902=1.0000");
        String rest = (String) client.call(session, "sales_order_shipment.create", ORDER, Map.of());
        assertThat(lines("sales_order_shipment.info", rest)).containsExactly("901=1.0000", "902=1.0000", "903=1.0000", "904=1.0000");
        assertThat(quantities("qty_shipped")).containsOnly(Map.entry("901", "1.0000"), Map.entry("902", "2.0000"),
                Map.entry("903", "1.0000"), Map.entry("904", "1.0000"));
    }

    @Test
    void aFixedPriceBundleIsInvoicedByItsParent() throws Exception {
        putOrder(1, 0);
        assertThat(client.fault(session, "sales_order_invoice.create", ORDER, Map.of("902", 2.0)).code()).isEqualTo(102);
        String invoice = (String) client.call(session, "sales_order_invoice.create", ORDER, Map.of("901", 1.0));
        assertThat(lines("sales_order_invoice.info", invoice)).containsExactly("901=1.0000", "902=2.0000", "903=1.0000");
        assertThat(struct(client.call(session, "sales_order_invoice.info", invoice))).containsEntry("subtotal", "40.0000");
    }

    @Test
    void withoutOptionsABundleWhoseChildrenCarryThePricesIsInvoicedByThem() throws Exception {
        putOrder(null, null);
        String invoice = (String) client.call(session, "sales_order_invoice.create", ORDER, Map.of("902", 2.0, "903", 1.0));
        assertThat(lines("sales_order_invoice.info", invoice)).containsExactly("901=1.0000", "902=2.0000", "903=1.0000");
    }

    @Test
    void aConfigurablesChildIsCountedThroughItsParent() throws Exception {
        assertThat(client.fault(session, "sales_order_invoice.create", "100000201", Map.of("544", 2.0)).code()).isEqualTo(102);
        String invoice = (String) client.call(session, "sales_order_invoice.create", "100000201", Map.of("543", 1.0));
        assertThat(lines("sales_order_invoice.info", invoice)).containsExactly("543=1.0000", "544=1.0000");
        Map<String, Object> order = struct(client.call(session, "sales_order.info", "100000201"));
        assertThat((List<?>) order.get("items")).extracting(i -> struct(i).get("qty_invoiced"))
                .containsExactly("1.0000", "1.0000", "0.0000", "0.0000");
        assertThat(order).containsEntry("state", "processing");
    }

    @Test
    void anOrderInvoicedAndShippedIsCompleteAndACanceledOneTakesNoDocument() throws Exception {
        client.call(session, "sales_order_invoice.create", "145000008", Map.of());
        client.call(session, "sales_order_shipment.create", "145000008", Map.of());
        assertThat(struct(client.call(session, "sales_order.info", "145000008"))).containsEntry("state", "complete").containsEntry("status", "complete");
        assertThat(client.fault(session, "sales_order_invoice.create", "145000008", Map.of()).code()).isEqualTo(102);

        client.call(session, "sales_order.cancel", "100000201");
        assertThat(client.fault(session, "sales_order_invoice.create", "100000201", Map.of()).code()).isEqualTo(102);
        assertThat(client.fault(session, "sales_order_shipment.create", "100000201", Map.of()).code()).isEqualTo(102);
    }
}
