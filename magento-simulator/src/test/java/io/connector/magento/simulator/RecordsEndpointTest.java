package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /records: the shop's records as JSON, read back over HTTP; PATCH changes one. */
@SuppressWarnings("unchecked")
class RecordsEndpointTest {

    private MagentoSimulator magento;
    private XmlRpcClient client;
    private JsonClient http;
    private String session;

    @BeforeEach
    void start() throws Exception {
        magento = MagentoSimulator.builder().seedFromCassettes(CassetteReplayTest.cassettes()).start();
        client = new XmlRpcClient(magento.endpoint());
        http = new JsonClient(magento.url());
        session = client.login();
    }

    @AfterEach
    void stop() {
        magento.stop();
    }

    @Test
    void theTablesAndTheirCounts() throws Exception {
        JsonClient.Answer answer = http.get("/records");
        assertThat(answer.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        answer.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("websites", "groups", "storeviews", "customer_groups", "customers", "addresses", "categories",
                "products", "attribute_sets", "product_media", "stock_items", "orders", "invoices", "shipments", "tracks");
        magento.store().counts().forEach((table, count) -> assertThat(answer.json().get(table).asInt()).as(table).isEqualTo(count));
        assertThat(answer.json().get("orders").asInt()).isEqualTo(2);
    }

    @Test
    void aTableIsItsRowsInIdOrderAndARowIsItsIdOwnerAndRecord() throws Exception {
        JsonNode orders = http.get("/records/orders").json();
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).get("id").asText()).isEqualTo("100000201");
        assertThat(orders.get(1).get("id").asText()).isEqualTo("145000008");
        JsonNode order = http.get("/records/orders/100000201").json();
        assertThat(order.fieldNames()).toIterable().containsExactly("id", "owner", "record");
        assertThat(order.get("owner").isNull()).isTrue();
        assertThat(order.get("record").get("increment_id").asText()).isEqualTo("100000201");
        assertThat(order.get("record").get("grand_total").asText()).isEqualTo("387.2700");
        assertThat(order.get("record").get("coupon_code").isNull()).isTrue();
        assertThat(order.get("record").get("items").get(0).get("has_children").isBoolean()).isTrue();

        magento.store().products().putStoreViewValues("337", "2", Map.of("name", "Lunettes"));
        JsonNode product = http.get("/records/products/337").json();
        assertThat(product.get("store_views").get("2").get("name").asText()).isEqualTo("Lunettes");
        assertThat(product.get("record").get("sku").asText()).isEqualTo("ace000");
    }

    @Test
    void whatTheExportsWroteCanBeReadBackWithItsOwner() throws Exception {
        client.call(session, "oerp_cataloginventory_stock_item.update", 879, Map.of("qty", 30.0, "is_in_stock", 1));
        JsonClient.Answer stock = http.get("/records/stock_items/879");
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.json().get("record").get("qty").isDouble()).isTrue();
        assertThat(stock.json().get("record").get("qty").asDouble()).isEqualTo(30.0);
        assertThat(stock.json().get("record").get("is_in_stock").isInt()).isTrue();
        assertThat(stock.body()).contains("\"qty\":30.0");

        String invoice = (String) client.call(session, "sales_order_invoice.create", "145000008", Map.of(), "Invoice Created", true, false);
        String shipment = (String) client.call(session, "sales_order_shipment.create", "100000201", Map.of(), "Shipping Created", true, true);
        String track = (String) client.call(session, "sales_order_shipment.addTrack", shipment, "ups", "", "XYZ");

        JsonNode invoices = http.get("/records/invoices?owner=145000008").json();
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0).get("id").asText()).isEqualTo(invoice);
        assertThat(invoices.get(0).get("record").get("items").get(0).get("order_item_id").asText()).isEqualTo("598");
        assertThat(http.get("/records/invoices?owner=100000201").json()).isEmpty();
        assertThat(http.get("/records/shipments/" + shipment).json().get("owner").asText()).isEqualTo("100000201");
        JsonNode tracks = http.get("/records/tracks?owner=" + shipment).json();
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).get("id").asText()).isEqualTo(track);
        assertThat(tracks.get(0).get("record").get("number").asText()).isEqualTo("XYZ");
        assertThat(http.get("/records/orders/145000008").json().get("record").get("state").asText()).isEqualTo("processing");
    }

    @Test
    void anUnknownTableListsTheTablesAndAnUnknownIdSaysSo() throws Exception {
        JsonClient.Answer table = http.get("/records/stock");
        assertThat(table.status()).isEqualTo(404);
        assertThat(table.json().get("error").asText()).contains("'stock'", "stock_items", "orders", "invoices", "shipments", "tracks",
                "products", "customers");
        JsonClient.Answer id = http.get("/records/orders/999");
        assertThat(id.status()).isEqualTo(404);
        assertThat(id.json().get("error").asText()).contains("'999'", "orders");
        assertThat(http.get("/records/invoices").json()).isEmpty();
        assertThat(http.post("/records/orders").status()).isEqualTo(405);
    }

    @Test
    void aPatchChangesARecordsFieldsAndTheApiAnswersTheChange() throws Exception {
        JsonClient.Answer renamed = http.send("PATCH", "/records/attribute_sets/10", "{\"name\": \"Bags\", \"set_id\": \"99\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("id").asText()).isEqualTo("10");
        assertThat(renamed.json().get("record").get("set_id").asText()).as("the id stays").isEqualTo("10");
        assertThat(renamed.json().get("record").get("name").asText()).isEqualTo("Bags");
        assertThat((List<Object>) client.call(session, "catalog_product_attribute_set.list")).contains(Map.of("set_id", "10", "name", "Bags"));

        Object email = magento.store().customers().get("136").orElseThrow().get("email");
        http.send("PATCH", "/records/customers/136", "{\"group_id\": 2, \"is_active\": true}");
        assertThat(magento.store().customers().get("136").orElseThrow()).as("the other fields stay")
                .containsEntry("group_id", 2).containsEntry("is_active", true).containsEntry("email", email);
    }

    @Test
    void aPatchSaysWhatWasWrong() throws Exception {
        JsonClient.Answer unknown = http.send("PATCH", "/records/attribute_sets/99", "{\"name\": \"X\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("'99'", "attribute_sets", "set_id");
        JsonClient.Answer notAnObject = http.send("PATCH", "/records/attribute_sets/10", "[\"Bags\"]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("error").asText()).contains("/records/attribute_sets/10", "JSON object", "[Bags]");
        JsonClient.Answer broken = http.send("PATCH", "/records/attribute_sets/10", "{name:");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("error").asText()).contains("unreadable JSON");
        JsonClient.Answer table = http.send("PATCH", "/records/attribute_sets", "{}");
        assertThat(table.status()).isEqualTo(405);
        assertThat(table.json().get("error").asText()).contains("/records/attribute_sets/{id}");
        assertThat(http.get("/records/attribute_sets/10").json().get("record").get("name").asText()).isEqualTo("Bags & Luggage");
    }

    @Test
    void recordsAnswerWhetherCallsAreRecordedOrNot() throws Exception {
        try (MagentoSimulator quiet = MagentoSimulator.builder().recordCalls(false).seedFromCassettes(CassetteReplayTest.cassettes()).start()) {
            JsonClient.Answer answer = new JsonClient(quiet.url()).get("/records/customers/136");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("record").get("email").asText()).isEqualTo(magento.store().customers().get("136").orElseThrow().get("email"));
        }
    }
}
