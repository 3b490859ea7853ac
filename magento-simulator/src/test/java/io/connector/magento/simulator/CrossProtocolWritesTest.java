package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A write through one protocol is what the other one reads, and what GET /records shows. */
@SuppressWarnings("unchecked")
class CrossProtocolWritesTest {

    private MagentoSimulator magento;
    private XmlRpcClient xmlRpc;
    private String session;
    private RestClient rest;
    private JsonClient records;

    @BeforeEach
    void start() throws Exception {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.parse("customers=6,products=10,categories=4,orders=8,seed=5")).start();
        xmlRpc = new XmlRpcClient(magento.endpoint());
        session = xmlRpc.login();
        rest = new RestClient(magento);
        records = new JsonClient(magento.url());
    }

    @AfterEach
    void stop() {
        magento.stop();
    }

    /** An order whose lines are all simple products, not cancelled, and its increment id. */
    private String simpleOrder() {
        return magento.store().orders().ids(order -> "new".equals(order.get("state"))
                && OrderLines.items(order).stream().allMatch(item -> "simple".equals(item.get("product_type")) && item.get("parent_item_id") == null))
                .get(0);
    }

    private String entityId(String incrementId) {
        return Values.text(magento.store().orders().get(incrementId).orElseThrow().get("order_id"));
    }

    private Map<String, Object> firstItem(String incrementId) {
        return OrderLines.items(magento.store().orders().get(incrementId).orElseThrow()).get(0);
    }

    @Test
    void stockWrittenByEitherIsReadByBoth() throws Exception {
        Map<String, Object> product = magento.store().products().get("3").orElseThrow();
        String sku = Values.text(product.get("sku"));
        assertThat(rest.put("products/" + sku + "/stockItems/3", "{\"stockItem\": {\"qty\": 12.0, \"is_in_stock\": 1, \"manage_stock\": 1,"
                + " \"use_config_manage_stock\": 0, \"backorders\": 2}}").json().asText()).isEqualTo("3");
        Map<String, Object> stock = struct(((List<Object>) xmlRpc.call(session, "cataloginventory_stock_item.list", List.of(sku))).get(0));
        assertThat(stock).containsEntry("qty", "12.0000").containsEntry("is_in_stock", "1");
        assertThat(records.get("/records/stock_items/3").json().get("record")).isEqualTo(JsonClient.parse(
                "{\"product_id\": \"3\", \"qty\": 12.0, \"is_in_stock\": 1, \"manage_stock\": 1, \"use_config_manage_stock\": 0, \"backorders\": 2}"));
        JsonNode item = rest.get("stockItems/" + sku).json();
        assertThat(item.get("manage_stock").asBoolean()).isTrue();
        assertThat(item.get("use_config_manage_stock").asBoolean()).isFalse();
        assertThat(item.get("backorders").asInt()).isEqualTo(2);

        xmlRpc.call(session, "oerp_cataloginventory_stock_item.update", "3", Map.of("qty", 4.0, "is_in_stock", 0));
        JsonNode updated = rest.get("products/" + sku).json().at("/extension_attributes/stock_item");
        assertThat(updated.get("qty").asInt()).isEqualTo(4);
        assertThat(updated.get("is_in_stock").asBoolean()).isFalse();
    }

    @Test
    void invoicesOfBothProtocolsAreOneSeries() throws Exception {
        List<String> orders = magento.store().orders().ids(order -> "new".equals(order.get("state")));
        String first = orders.get(0);
        String second = orders.get(1);
        assertThat(xmlRpc.call(session, "sales_order_invoice.create", first, Map.of(), "By XML-RPC", false, false)).isEqualTo("100000001");
        String entity = rest.post("order/" + entityId(second) + "/invoice", "{\"comment\": {\"comment\": \"By REST\"}, \"notify\": true}").json().asText();
        assertThat(entity).isEqualTo("2");

        JsonNode byRest = rest.get("invoices?searchCriteria[filter_groups][0][filters][0][field]=order_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=" + entityId(first)).json();
        assertThat(byRest.get("total_count").asInt()).isEqualTo(1);
        assertThat(byRest.at("/items/0/increment_id").asText()).isEqualTo("100000001");
        assertThat(byRest.at("/items/0/comments/0/comment").asText()).isEqualTo("By XML-RPC");

        Map<String, Object> byXmlRpc = struct(xmlRpc.call(session, "sales_order_invoice.info", "100000002"));
        assertThat(byXmlRpc).containsEntry("invoice_id", "2").containsEntry("order_increment_id", second).containsEntry("state", "2");
        assertThat(struct(((List<Object>) byXmlRpc.get("comments")).get(0))).containsEntry("comment", "By REST").containsEntry("is_customer_notified", "1");
        assertThat(records.get("/records/invoices?owner=" + second).json()).hasSize(1);
        assertThat(xmlRpc.fault(session, "sales_order_invoice.create", second, Map.of()).code()).as("REST invoiced it all").isEqualTo(102);
        JsonNode invoice = rest.get("invoices/2").json();
        assertThat(invoice.get("grand_total").decimalValue()).isEqualByComparingTo(Values.text(byXmlRpc.get("grand_total")));
    }

    @Test
    void aShipmentWithItsTracksIsReadByXmlRpcAndTracksAddedThereByRest() throws Exception {
        String order = simpleOrder();
        Map<String, Object> item = firstItem(order);
        String shipment = rest.post("order/" + entityId(order) + "/ship", "{\"items\": [{\"order_item_id\": " + item.get("item_id")
                + ", \"qty\": 1}], \"tracks\": [{\"track_number\": \"1Z999\", \"title\": \"UPS\", \"carrier_code\": \"ups\"}]}").json().asText();
        String incrementId = rest.get("shipment/" + shipment).json().get("increment_id").asText();
        JsonNode found = rest.get("shipments?searchCriteria[filter_groups][0][filters][0][field]=order_id"
                + "&searchCriteria[filter_groups][0][filters][0][value]=" + entityId(order) + "&fields=items[entity_id],total_count").json();
        assertThat(found).isEqualTo(JsonClient.parse("{\"items\": [{\"entity_id\": " + shipment + "}], \"total_count\": 1}"));
        Map<String, Object> info = struct(xmlRpc.call(session, "sales_order_shipment.info", incrementId));
        assertThat(struct(((List<Object>) info.get("items")).get(0))).containsEntry("order_item_id", item.get("item_id")).containsEntry("qty", "1.0000");
        assertThat(struct(((List<Object>) info.get("tracks")).get(0))).containsEntry("number", "1Z999").containsEntry("carrier_code", "ups");

        String track = (String) xmlRpc.call(session, "sales_order_shipment.addTrack", incrementId, "dhl", "DHL", "JD0001", 0.0);
        JsonNode tracks = rest.get("shipment/" + shipment).json().get("tracks");
        assertThat(tracks).extracting(t -> t.get("track_number").asText()).containsExactly("1Z999", "JD0001");
        assertThat(tracks.get(1).get("entity_id").asText()).isEqualTo(track);
        assertThat(records.get("/records/tracks?owner=" + incrementId).json()).hasSize(2);
        JsonNode line = rest.get("orders/" + entityId(order)).json().get("items").get(0);
        assertThat(line.get("qty_shipped").asInt()).isEqualTo(1);
        assertThat(struct(((List<Object>) struct(xmlRpc.call(session, "sales_order.info", order)).get("items")).get(0)))
                .containsEntry("qty_shipped", "1.0000");
    }

    @Test
    void orderStatusAndCommentsOfEitherAreReadByBoth() throws Exception {
        String order = simpleOrder();
        String entity = entityId(order);
        JsonNode saved = rest.post("orders", "{\"entity\": {\"entity_id\": \"" + entity + "\", \"state\": \"holded\", \"status\": \"holded\"}}").json();
        assertThat(saved.get("state").asText()).isEqualTo("holded");
        assertThat(rest.post("orders/" + entity + "/comments", "{\"statusHistory\": {\"comment\": \"Waiting for stock\","
                + " \"is_customer_notified\": 1, \"is_visible_on_front\": 0}}").json().asBoolean()).isTrue();
        Map<String, Object> info = struct(xmlRpc.call(session, "sales_order.info", order));
        assertThat(info).containsEntry("state", "holded").containsEntry("status", "holded");
        assertThat(struct(((List<Object>) info.get("status_history")).get(0))).containsEntry("comment", "Waiting for stock")
                .containsEntry("is_customer_notified", "1").containsEntry("status", "holded");

        xmlRpc.call(session, "sales_order.addComment", order, "processing", "Back in stock", false);
        JsonNode histories = rest.get("orders/" + entity).json().get("status_histories");
        assertThat(histories.get(0).get("comment").asText()).isEqualTo("Back in stock");
        assertThat(histories.get(0).get("status").asText()).isEqualTo("processing");
        assertThat(histories.get(1).get("comment").asText()).isEqualTo("Waiting for stock");
        assertThat(rest.get("orders/" + entity + "/comments").json().get("total_count").asInt()).isEqualTo(histories.size());
        assertThat(records.get("/records/orders/" + order).json().at("/record/status").asText()).isEqualTo("processing");
    }

    @Test
    void aCustomerChangedThroughXmlRpcOrTheStoreIsWhatRestAnswers() throws Exception {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("firstname", "Zoë");
        change.put("email", "zoe@example.com");
        xmlRpc.call(session, "customer.update", "2", change);
        JsonNode customer = rest.get("customers/2").json();
        assertThat(customer.get("firstname").asText()).isEqualTo("Zoë");
        assertThat(customer.get("email").asText()).isEqualTo("zoe@example.com");
        JsonNode found = rest.get("customers/search?searchCriteria[filter_groups][0][filters][0][field]=email"
                + "&searchCriteria[filter_groups][0][filters][0][value]=zoe@example.com").json();
        assertThat(found.at("/items/0/id").asInt()).isEqualTo(2);

        magento.store().categories().set("3", "name", "Renamed");
        magento.store().categories().putStoreViewValues("3", "2", Map.of("name", "Renommée"));
        assertThat(rest.get("categories/3").json().get("name").asText()).isEqualTo("Renamed");
        assertThat(rest.send("GET", "/index.php/rest/french/V1/categories/3", null).json().get("name").asText()).isEqualTo("Renommée");
        assertThat(struct(xmlRpc.call(session, "catalog_category.info", "3", "french")).get("name")).isEqualTo("Renommée");
    }
}
