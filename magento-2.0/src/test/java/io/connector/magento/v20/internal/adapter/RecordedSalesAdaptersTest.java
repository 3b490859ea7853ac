package io.connector.magento.v20.internal.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.NothingLeftException;
import io.connector.magento.importer.SaleOrderImporter;
import io.connector.magento.internal.importer.OrderItems;
import io.connector.magento.v20.RecordedMagento2;
import io.connector.magento.v20.client.Magento2Exception;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sales adapters (orders, invoices, shipments) against the recorded shop: orders 9 and 10 in
 * the field names the shared order importer reads, and the very requests the reference made to
 * invoice, ship, track and cancel (the recorded shop answers only those, bodies equal as JSON).
 * What nobody recorded (Magento's refusals, a record gone, a search) is scripted.
 */
class RecordedSalesAdaptersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "{\"message\":\"The entity that was requested doesn't exist. Verify the entity and try again.\"}";

    private final RecordedMagento2 magento = RecordedMagento2.start();
    private final RecordedShopAdapters adapters = new RecordedShopAdapters(magento);
    private final ScriptedMagento2 scripted = new ScriptedMagento2();
    private final RecordedShopAdapters onScripted = new RecordedShopAdapters(scripted.location());

    @AfterEach
    void stop() {
        magento.close();
        scripted.close();
    }

    private SaleOrderAdapter orders(RecordedShopAdapters on) {
        return on.on(MagentoModels.SALE_ORDER, new SaleOrderAdapter(on.clients));
    }

    private InvoiceAdapter invoices(RecordedShopAdapters on) {
        return on.on(MagentoModels.INVOICE, new InvoiceAdapter(on.clients));
    }

    private ShipmentAdapter shipments(RecordedShopAdapters on) {
        return on.on(MagentoModels.SHIPMENT, new ShipmentAdapter(on.clients));
    }

    /** The recorded shop's two configurable attributes, as Magento 2 answers them; the recordings have no attribute search. */
    private static final String ATTRIBUTES = "{\"items\":[{\"attribute_id\":93,\"attribute_code\":\"color\",\"default_frontend_label\":"
            + "\"Color\",\"options\":[{\"label\":\" \",\"value\":\"\"},{\"label\":\"Blue\",\"value\":\"5477\"}]},"
            + "{\"attribute_id\":152,\"attribute_code\":\"size\",\"default_frontend_label\":\"Size\",\"options\":"
            + "[{\"label\":\"XS\",\"value\":\"5593\"}]}],\"total_count\":2}";

    private static String attributeSearch() {
        return "products/attributes?" + io.connector.magento.v20.client.SearchCriteria.all().where("attribute_id",
                io.connector.magento.v20.client.Condition.IN, List.of("152", "93")).query().encoded();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConfigurableItemsChoicesAreLabelledWithOneAttributeSearchPerJob() {
        scripted.on("GET", attributeSearch(), 200, ATTRIBUTES);
        SaleOrderAdapter orders = orders(onScripted);
        Map<String, Object> ten = orders.read("10", List.of());
        orders.read("9", List.of());
        Map<String, Object> hoodie = ((List<Map<String, Object>>) ten.get("items")).get(0);
        assertThat(hoodie.get("product_options")).isEqualTo(Map.of("attributes_info", List.of(
                Map.of("label", "Size", "value", "XS"), Map.of("label", "Color", "value", "Blue"))));
        assertThat(scripted.received()).extracting(ScriptedMagento2.Request::target).containsExactly("/index.php/rest/V1/orders/10",
                "/index.php/rest/V1/" + attributeSearch(), "/index.php/rest/V1/orders/9");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIntegrationThatMayNotReadAttributesImportsOrdersWithTheChoicesIds() {
        scripted.on("GET", attributeSearch(), 401, "{\"message\":\"The consumer isn't authorized to access %resources.\","
                + "\"parameters\":{\"resources\":\"Magento_Catalog::attributes_attributes\"}}");
        Map<String, Object> hoodie = ((List<Map<String, Object>>) orders(onScripted).read("10", List.of()).get("items")).get(0);
        assertThat(hoodie.get("product_options")).isEqualTo(Map.of("attributes_info", List.of(
                Map.of("label", "attribute 152", "value", "5593"), Map.of("label", "attribute 93", "value", "5477"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOrderHasMagento1sFieldNamesAndItsProductsAreSkus() {
        scripted.on("GET", attributeSearch(), 200, ATTRIBUTES);
        Map<String, Object> order = orders(onScripted).read("10", List.of());

        assertThat(order).containsEntry("order_id", 10).containsEntry(SaleOrderImporter.EXTERNAL_ID_FIELD, "10")
                .containsEntry("increment_id", "000000013-1")
                .containsEntry("customer_id", 1).containsEntry("customer_is_guest", 0)
                .containsEntry("customer_email", "roni_cost@example.com").containsEntry("customer_group_id", 1)
                .containsEntry("store_id", 1).containsEntry("created_at", "2020-04-24 16:09:35")
                .containsEntry("grand_total", 322.17).containsEntry("tax_amount", 24.17).containsEntry("shipping_amount", 5)
                .containsEntry("shipping_incl_tax", 5).containsEntry("shipping_description", "Best Way - Table Rate")
                .containsEntry("order_currency_code", "USD")
                .containsEntry("shipping_method", "tablerate_bestway")
                .containsEntry("relation_parent_real_id", "9").containsEntry("relation_parent_increment_id", "000000013");
        assertThat((Map<String, Object>) order.get("payment")).containsEntry("method", "checkmo");
        assertThat((Map<String, Object>) order.get("billing_address")).containsEntry("street", "6146 Honey Bluff Parkway")
                .containsEntry("firstname", "Veronica").containsEntry("postcode", "49628-7978").containsEntry("region", "Michigan")
                .containsEntry("country_id", "US").containsEntry("telephone", "(555) 229-3326").containsEntry("entity_id", 20);
        assertThat((Map<String, Object>) order.get("shipping_address")).containsEntry("address_type", "shipping")
                .containsEntry("street", "6146 Honey Bluff Parkway").containsEntry("city", "Calder").containsEntry("entity_id", 19);

        List<Map<String, Object>> items = (List<Map<String, Object>>) order.get("items");
        assertThat(items).extracting(i -> i.get("item_id"), i -> i.get("product_id"), i -> i.get("magento_product_id"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(19, "MH09-XS-Blue", 196),
                        org.assertj.core.groups.Tuple.tuple(20, "MH09-XS-Blue", 181),
                        org.assertj.core.groups.Tuple.tuple(21, "RACER", 2051));
        assertThat(items).allSatisfy(item -> assertThat(item).doesNotContainKey("parent_item"));
        // The shared importer's lines: the configurable hoodie as its child's product, the dress as it is.
        assertThat(OrderItems.asLines(items)).extracting(l -> l.get("item_id"), l -> l.get("product_id"), l -> l.get("qty_ordered"),
                l -> l.get("row_total"), l -> l.get("row_total_incl_tax"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(19, "MH09-XS-Blue", 1, 69, 74.69),
                        org.assertj.core.groups.Tuple.tuple(21, "RACER", 1, 224, 242.48));
        assertThat(scripted.received()).extracting(ScriptedMagento2.Request::target).containsExactly("/index.php/rest/V1/orders/10",
                "/index.php/rest/V1/" + attributeSearch());
    }

    @Test
    void anEditedOrdersChainIsFollowedByEntityId() {
        scripted.on("GET", attributeSearch(), 200, ATTRIBUTES);
        SaleOrderAdapter orders = orders(onScripted);
        assertThat(orders.parentOf("10")).contains("9");
        assertThat(orders.parentOf("9")).isEmpty();
        Map<String, Object> nine = orders.read("9", List.of());
        assertThat(nine).containsEntry("order_id", 9).containsEntry("increment_id", "000000013")
                .containsEntry("relation_parent_real_id", null).doesNotContainKey("relation_parent_increment_id");
        assertThat(scripted.received()).extracting(ScriptedMagento2.Request::target).containsExactly(
                "/index.php/rest/V1/orders/10", "/index.php/rest/V1/orders/9", "/index.php/rest/V1/orders/9",
                "/index.php/rest/V1/" + attributeSearch());
    }

    @Test
    void anOrderGoneIsNotFoundAndEndsAChain() {
        scripted.on("GET", "orders/77", 404, NOT_FOUND);
        SaleOrderAdapter orders = orders(onScripted);
        assertThatThrownBy(() -> orders.read("77", List.of())).isInstanceOf(RemoteRecordNotFoundException.class);
        assertThat(orders.parentOf("77")).isEmpty();
        assertThatThrownBy(() -> orders.statusOf("77")).isInstanceOf(RemoteRecordNotFoundException.class);
    }

    @Test
    void newOrdersAreSearchedAsTheReferenceSearchesThem() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put(io.connector.magento.adapter.SaleOrderAdapter.STORE_VIEW_FILTER, "1");
        filters.put(BatchImporter.TO_DATE, "2020-04-25T10:30:00");
        filters.put(BatchImporter.FROM_DATE, "2020-04-24T09:00:00");
        filters.put(BatchImporter.CHUNK_SIZE, 50);
        SaleOrderAdapter orders = orders(onScripted);
        // Nothing scripted yet: the shop's 500 is beside the point, the query sent is.
        assertThatThrownBy(() -> orders.search(filters)).isInstanceOf(RuntimeException.class);
        String target = URLDecoder.decode(scripted.received().get(0).target(), StandardCharsets.UTF_8);
        assertThat(target).isEqualTo("/index.php/rest/V1/orders?"
                + "searchCriteria[filter_groups][0][filters][0][field]=state"
                + "&searchCriteria[filter_groups][0][filters][0][value]=canceled"
                + "&searchCriteria[filter_groups][0][filters][0][condition_type]=neq"
                + "&searchCriteria[filter_groups][1][filters][0][field]=created_at"
                + "&searchCriteria[filter_groups][1][filters][0][value]=2020-04-24 09:00:00"
                + "&searchCriteria[filter_groups][1][filters][0][condition_type]=from"
                + "&searchCriteria[filter_groups][2][filters][0][field]=created_at"
                + "&searchCriteria[filter_groups][2][filters][0][value]=2020-04-25 10:30:00"
                + "&searchCriteria[filter_groups][2][filters][0][condition_type]=to"
                + "&searchCriteria[filter_groups][3][filters][0][field]=store_id"
                + "&searchCriteria[filter_groups][3][filters][0][value]=1"
                + "&searchCriteria[filter_groups][3][filters][0][condition_type]=in"
                + "&fields=items[entity_id]");

        String raw = scripted.received().get(0).target().substring("/index.php/rest/V1/".length());
        scripted.on("GET", raw, 200, "{\"items\":[{\"entity_id\":9},{\"entity_id\":10}],\"total_count\":2}");
        assertThat(orders.search(filters)).containsExactly("9", "10");
    }

    @Test
    void aCancelledOrderIsSetAsTheReferenceSetsIt() {
        SaleOrderAdapter orders = orders(adapters);
        assertThat(orders.statusOf("12")).isEqualTo("processing");
        orders.addComment("12", "canceled", null, null);
        assertThat(magento.received()).extracting(r -> r.method() + " " + r.target()).containsExactly(
                "GET /index.php/rest/V1/orders/12", "POST /index.php/rest/V1/orders", "POST /index.php/rest/V1/orders/12/comments");
    }

    @Test
    void aPendingStatusIsSetInTheNewStateWithTheCommentNotified() throws Exception {
        scripted.on("POST", "orders", 200, "{\"entity_id\":12}").on("POST", "orders/12/comments", 200, "true");
        orders(onScripted).addComment("12", "pending", "Reopened", true);
        List<ScriptedMagento2.Request> sent = scripted.received();
        assertThat(JSON.readTree(sent.get(0).body())).isEqualTo(JSON.readTree(
                "{\"entity\":{\"entity_id\":\"12\",\"state\":\"new\",\"status\":\"pending\"}}"));
        assertThat(JSON.readTree(sent.get(1).body())).isEqualTo(JSON.readTree(
                "{\"statusHistory\":{\"comment\":\"Reopened\",\"is_customer_notified\":1,\"is_visible_on_front\":0}}"));
    }

    @Test
    void aCommentMagentoDoesNotTakeFails() {
        scripted.on("POST", "orders", 200, "{\"entity_id\":12}").on("POST", "orders/12/comments", 200, "false");
        assertThatThrownBy(() -> orders(onScripted).addComment("12", "complete", null, null))
                .hasMessageContaining("POST orders/12/comments").hasMessageContaining("where true was expected");
    }

    @Test
    void anInvoiceIsCreatedAsRecorded() {
        Map<String, Object> items = Map.of("32", 1.0);
        assertThat(invoices(adapters).create("16", items, "Invoice Created", false, false)).isEqualTo("4");
        assertThat(magento.received()).extracting(RecordedMagento2.Request::target)
                .containsExactly("/index.php/rest/V1/order/16/invoice");
    }

    @Test
    void anInvoiceMailedSaysNotify() throws Exception {
        scripted.on("POST", "order/16/invoice", 200, "\"5\"");
        assertThat(invoices(onScripted).create("16", Map.of(), null, true, true)).isEqualTo("5");
        assertThat(JSON.readTree(scripted.received().get(0).body())).isEqualTo(JSON.readTree(
                "{\"capture\":false,\"items\":[],\"notify\":true}"));
    }

    @Test
    void nothingLeftToInvoiceIsSaidSoAndOtherRefusalsAreNot() {
        InvoiceAdapter invoices = invoices(onScripted);
        scripted.on("POST", "order/16/invoice", 400,
                "{\"message\":\"Invoice Document Validation Error(s):\\nThe order does not allow an invoice to be created.\"}");
        assertThatThrownBy(() -> invoices.create("16", Map.of("32", 1.0), "Invoice Created", false, false))
                .isInstanceOf(NothingLeftException.class).hasMessageContaining("does not allow an invoice");
        scripted.on("POST", "order/16/invoice", 400, "{\"message\":\"Invoice Document Validation Error(s):\\n"
                + "The quantity to invoice must not be greater than the uninvoiced quantity for product SKU \\\"MH09-XS-Blue\\\".\"}");
        assertThatThrownBy(() -> invoices.create("16", Map.of("32", 1.0), "Invoice Created", false, false))
                .as("a retry of an invoice made").isInstanceOf(NothingLeftException.class);
        scripted.on("POST", "order/16/invoice", 400, "{\"message\":\"Invoice Document Validation Error(s):\\n"
                + "The order does not allow an invoice to be created.\\n"
                + "The invoice contains one or more items that are not part of the original order.\"}");
        assertThatThrownBy(() -> invoices.create("16", Map.of("99", 1.0), "Invoice Created", false, false))
                .isInstanceOf(Magento2Exception.class).isNotInstanceOf(NothingLeftException.class)
                .hasMessageContaining("not part of the original order");
        scripted.on("POST", "order/16/invoice", 404, NOT_FOUND);
        assertThatThrownBy(() -> invoices.create("16", Map.of("32", 1.0), "Invoice Created", false, false))
                .isInstanceOfSatisfying(Magento2Exception.class, e -> assertThat(e.status()).isEqualTo(404))
                .isNotInstanceOf(NothingLeftException.class);
    }

    @Test
    void anOrdersInvoicesAreSearchedByOrderId() {
        scripted.on("GET", "invoices?searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=order_id"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=16"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=eq"
                + "&fields=items%5Bentity_id%5D", 200, "{\"items\":[{\"entity_id\":4},{\"entity_id\":7}]}");
        assertThat(invoices(onScripted).ofOrder(16)).containsExactly("4", "7");
    }

    @Test
    void aShipmentIsCreatedAsRecorded() {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("24", 1.0);
        items.put("25", 1.0);
        assertThat(shipments(adapters).create("12", items, null, false, false)).isEqualTo("3");
        assertThat(magento.received()).extracting(RecordedMagento2.Request::target).containsExactly("/index.php/rest/V1/order/12/ship");
    }

    @Test
    void aCompleteShipmentSendsNoItemsWithItsComment() throws Exception {
        scripted.on("POST", "order/12/ship", 200, "\"8\"");
        assertThat(shipments(onScripted).create("12", Map.of(), "Shipping Created", true, true)).isEqualTo("8");
        assertThat(JSON.readTree(scripted.received().get(0).body())).isEqualTo(JSON.readTree(
                "{\"items\":[],\"comment\":{\"comment\":\"Shipping Created\",\"is_visible_on_front\":0},"
                        + "\"appendComment\":true,\"notify\":true}"));
    }

    @Test
    void nothingLeftToShipIsSaidSo() {
        ShipmentAdapter shipments = shipments(onScripted);
        scripted.on("POST", "order/12/ship", 400,
                "{\"message\":\"Shipment Document Validation Error(s):\\nYou can't create a shipment without products.\"}");
        assertThatThrownBy(() -> shipments.create("12", Map.of(), "Shipping Created", false, true))
                .isInstanceOf(NothingLeftException.class);
        scripted.on("POST", "order/12/ship", 400,
                "{\"message\":\"Shipment Document Validation Error(s):\\nThe order does not allow a shipment to be created.\"}");
        assertThatThrownBy(() -> shipments.create("12", Map.of(), "Shipping Created", false, true))
                .isInstanceOf(NothingLeftException.class);
        // An invoice's words are not a shipment's.
        scripted.on("POST", "order/12/ship", 400,
                "{\"message\":\"Shipment Document Validation Error(s):\\nThe order does not allow an invoice to be created.\"}");
        assertThatThrownBy(() -> shipments.create("12", Map.of(), "Shipping Created", false, true))
                .isInstanceOf(Magento2Exception.class).isNotInstanceOf(NothingLeftException.class);
    }

    @Test
    void aTrackingNumberGoesToItsShipmentsOrderAsRecorded() {
        // The recordings have the track, not the shipment's read that gives its order.
        scripted.on("GET", "shipment/3", 200, "{\"entity_id\":3,\"order_id\":12,\"increment_id\":\"000000003\",\"tracks\":[]}");
        ShipmentAdapter shipments = shipments(onScripted);
        assertThat(shipments.carriers("12")).isEmpty();
        assertThat(shipments.addTrack("3", "tablerate", "Your shipment", "XYZ", "WH/OUT/00082")).isEqualTo("3");
        assertThat(scripted.received()).extracting(r -> r.method() + " " + r.target())
                .containsExactly("GET /index.php/rest/V1/shipment/3", "POST /index.php/rest/V1/shipment/track");
        assertThat(RecordedMagento2.recorded("POST", "/index.php/rest/V1/shipment/track", scripted.received().get(1).body()))
                .as("the body the reference sent").isPresent();
    }

    @Test
    void aTrackForAShipmentGoneSendsNothing() {
        scripted.on("GET", "shipment/99", 404, NOT_FOUND);
        assertThatThrownBy(() -> shipments(onScripted).addTrack("99", "ups", "", "XYZ"))
                .isInstanceOf(RemoteRecordNotFoundException.class);
        assertThat(scripted.received()).extracting(ScriptedMagento2.Request::method).containsExactly("GET");
    }
}
