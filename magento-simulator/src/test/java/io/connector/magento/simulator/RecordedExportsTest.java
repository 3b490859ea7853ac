package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/**
 * The export calls of the recordings, sent as recorded (the request bodies verbatim, only the
 * session replaced) to a simulator seeded from the recordings, then read back over HTTP: the
 * calls at {@code GET /calls} with the recorded arguments and types, what they wrote at
 * {@code GET /records} and through Magento's own info and list methods.
 */
class RecordedExportsTest {

    private MagentoSimulator magento;
    private XmlRpcClient client;
    private JsonClient http;

    /** One recorded call: its path and arguments, the recorded answer and the simulator's. */
    private record Replayed(String path, List<Object> args, Object recorded, Object answered) {
    }

    @BeforeEach
    void start() {
        magento = MagentoSimulator.builder().user("odoo").apiKey("odoo42").seedFromCassettes(CassetteReplayTest.cassettes()).start();
        client = new XmlRpcClient(magento.endpoint());
        http = new JsonClient(magento.url());
    }

    @AfterEach
    void stop() {
        magento.stop();
    }

    /** Sends the cassette's calls as recorded, each login's session replaced by a fresh one. */
    private List<Replayed> replay(String cassette) throws Exception {
        JsonNode root = JsonClient.JSON.readTree(CassetteReplayTest.cassettes().resolve(cassette).toFile());
        Map<String, String> sessions = new LinkedHashMap<>();
        List<Replayed> replayed = new ArrayList<>();
        for (JsonNode interaction : root.path("interactions")) {
            String body = interaction.path("request").path("body").asText();
            String recordedBody = interaction.path("response").path("body").asText();
            XmlRpcCodec.Call call = XmlRpcCodec.decodeCall(body.getBytes(StandardCharsets.UTF_8));
            if (call.method().equals("login")) {
                sessions.put((String) decode(recordedBody), (String) decode(post(body)));
                continue;
            }
            String session = (String) call.params().get(0);
            String sent = body.replace(session, sessions.get(session));
            Object answered = decode(post(sent));
            if (call.method().equals("call")) {
                @SuppressWarnings("unchecked")
                List<Object> args = (List<Object>) call.params().get(2);
                replayed.add(new Replayed((String) call.params().get(1), args, decode(recordedBody), answered));
            }
        }
        return replayed;
    }

    private String post(String body) throws Exception {
        return new String(client.post(body.getBytes(StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8);
    }

    private static Object decode(String body) {
        try {
            return XmlRpcCodec.decodeResponse(body.getBytes(StandardCharsets.UTF_8));
        } catch (XmlRpcFault fault) {
            return "fault " + fault.code() + " " + fault.faultString();
        }
    }

    /** The calls of a method at GET /calls, as JSON. */
    private JsonNode calls(String method) throws Exception {
        JsonClient.Answer answer = http.get("/calls?method=" + method);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theInvoiceExportMakesAnInvoiceOfTheLineAndASecondOneHasNothingLeft() throws Exception {
        List<Replayed> calls = replay("test_export_invoice.json");
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("sales_order_invoice.create");
            assertThat(c.args()).containsExactly("145000008", Map.of("598", 1.0), "Invoice Created", true, false);
            // The recording's 987654321 (an int) is the OCA test's stand-in; Magento answers the increment id as text.
            assertThat(c.recorded()).isEqualTo(987654321);
            assertThat(c.answered()).isEqualTo("100000001");
        });
        JsonNode sent = calls("sales_order_invoice.create");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("args")).isEqualTo(JsonClient.parse("[\"145000008\", {\"598\": 1.0}, \"Invoice Created\", true, false]"));
        assertThat(http.get("/calls?method=sales_order_invoice.create").body()).contains("{\"598\":1.0}");
        assertThat(sent.get(0).get("faultCode").isNull()).isTrue();

        JsonNode invoice = http.get("/records/invoices/100000001").json();
        assertThat(invoice.get("owner").asText()).isEqualTo("145000008");
        assertThat(invoice.get("record").get("grand_total").asText()).isEqualTo("243.5600");
        JsonNode line = invoice.get("record").get("items").get(0);
        assertThat(line.get("order_item_id").asText()).isEqualTo("598");
        assertThat(line.get("qty").asText()).isEqualTo("1.0000");
        JsonNode item = http.get("/records/orders/145000008").json().get("record").get("items").get(0);
        assertThat(item.get("qty_invoiced").asText()).isEqualTo("1.0000");

        Map<String, Object> info = struct(client.call(client.login(), "sales_order_invoice.info", "100000001"));
        assertThat(info).containsEntry("order_increment_id", "145000008");
        assertThat(struct(((List<?>) info.get("comments")).get(0))).containsEntry("comment", "Invoice Created").containsEntry("is_customer_notified", "1");

        List<Replayed> again = replay("test_export_invoice.json");
        assertThat(again.get(0).answered()).isEqualTo("fault 102 Cannot do invoice for order.");
        assertThat(calls("sales_order_invoice.create").get(1).get("faultCode").asInt()).isEqualTo(102);
        assertThat(http.get("/records/invoices?owner=145000008").json()).hasSize(1);
    }

    @Test
    void theCompletePickingShipsEverythingAndASecondOneHasNothingLeft() throws Exception {
        List<Replayed> calls = replay("test_export_picking_complete.json");
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.args()).containsExactly("100000201", Map.of(), "Shipping Created", true, true);
            assertThat(c.recorded()).isEqualTo(987654321);
            assertThat(c.answered()).isEqualTo("100000001");
        });
        assertThat(calls("sales_order_shipment.create").get(0).get("args"))
                .isEqualTo(JsonClient.parse("[\"100000201\", {}, \"Shipping Created\", true, true]"));
        JsonNode items = http.get("/records/orders/100000201").json().get("record").get("items");
        for (JsonNode item : items) {
            assertThat(item.get("qty_shipped").asText()).as(item.get("item_id").asText()).isEqualTo(item.get("qty_ordered").asText());
        }
        assertThat(http.get("/records/orders/100000201").json().get("record").get("state").asText()).isEqualTo("processing");
        assertThat(replay("test_export_picking_complete.json").get(0).answered()).isEqualTo("fault 102 Cannot do shipment for order.");
    }

    @Test
    void thePartialPickingShipsOneOfTheConfigurableLineAndItsChild() throws Exception {
        List<Replayed> calls = replay("test_export_picking_partial.json");
        assertThat(calls).singleElement().satisfies(c -> {
            assertThat(c.args()).containsExactly("100000201", Map.of("543", 1.0), "Shipping Created", true, true);
            assertThat(c.answered()).isEqualTo("100000001");
        });
        assertThat(calls("sales_order_shipment.create").get(0).get("args").get(1).get("543").isDouble()).isTrue();
        JsonNode items = http.get("/records/orders/100000201").json().get("record").get("items");
        assertThat(items).extracting(i -> i.get("item_id").asText() + "=" + i.get("qty_shipped").asText())
                .containsExactly("543=1.0000", "544=1.0000", "545=0.0000", "546=0.0000");
        JsonNode shipment = http.get("/records/shipments/100000001").json();
        assertThat(shipment.get("owner").asText()).isEqualTo("100000201");
        assertThat(shipment.get("record").get("items")).extracting(i -> i.get("order_item_id").asText() + "=" + i.get("qty").asText())
                .containsExactly("543=1.0000", "544=1.0000");

        assertThat(replay("test_export_picking_partial.json").get(0).answered()).isEqualTo("100000002");
        assertThat(replay("test_export_picking_partial.json").get(0).answered()).as("543 has nothing left")
                .isEqualTo("fault 102 Cannot do shipment for order.");
    }

    @Test
    void theTrackingNumberExportAddsATrackToTheShipment() throws Exception {
        // The recording's shop had shipped 100000201 as 100000035 before the recording started.
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("increment_id", "100000035");
        shipment.put("order_id", "181");
        shipment.put("shipment_id", "35");
        shipment.put("items", List.of());
        shipment.put("comments", List.of());
        magento.store().shipments().put("100000035", "100000201", shipment);

        List<Replayed> calls = replay("test_export_tracking_number.json");
        assertThat(calls).extracting(Replayed::path).containsExactly("sales_order_shipment.getCarriers", "sales_order_shipment.addTrack");
        assertThat(calls.get(0).answered()).isEqualTo(calls.get(0).recorded());
        assertThat(calls.get(1).args()).containsExactly("100000035", "ups", "", "XYZ");
        assertThat(calls.get(1).recorded()).isEqualTo("2");
        assertThat(calls.get(1).answered()).isEqualTo("1");
        assertThat(calls("sales_order_shipment.addTrack").get(0).get("args"))
                .isEqualTo(JsonClient.parse("[\"100000035\", \"ups\", \"\", \"XYZ\"]"));
        assertThat(calls("sales_order_shipment.getCarriers").get(0).get("args")).isEqualTo(JsonClient.parse("[\"100000201\"]"));

        JsonNode tracks = http.get("/records/tracks?owner=100000035").json();
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).get("record").get("number").asText()).isEqualTo("XYZ");
        Map<String, Object> info = struct(client.call(client.login(), "sales_order_shipment.info", "100000035"));
        assertThat((List<?>) info.get("tracks")).singleElement().satisfies(t -> assertThat(struct(t)).containsEntry("track_id", "1")
                .containsEntry("number", "XYZ").containsEntry("title", "").containsEntry("carrier_code", "ups").containsEntry("parent_id", "35"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStockExportsWriteTheStockItemAndTheListReadsItBack() throws Exception {
        List<Replayed> qty = replay("test_product_export_qty.json");
        assertThat(qty).singleElement().satisfies(c -> {
            assertThat(c.args()).containsExactly(879, Map.of("is_in_stock", 1, "qty", 30.0));
            assertThat(c.answered()).isEqualTo(c.recorded()).isEqualTo(true);
        });
        String session = client.login();
        assertThat((List<Object>) client.call(session, "cataloginventory_stock_item.list", XmlRpcClient.list(879)))
                .containsExactly((Object) Map.of("product_id", "879", "sku", "wbk000c-Pink-L", "qty", "30.0000", "is_in_stock", "1"));

        List<Replayed> config = replay("test_product_export_qty_config.json");
        assertThat(config.get(0).args()).containsExactly(879, Map.of("use_config_manage_stock", 0, "backorders", 2, "is_in_stock", 1,
                "use_config_backorders", 0, "manage_stock", 1, "qty", 333.0));
        assertThat(config.get(0).answered()).isEqualTo(true);
        assertThat(struct(((List<?>) client.call(session, "cataloginventory_stock_item.list", XmlRpcClient.list(879))).get(0)))
                .containsEntry("qty", "333.0000");

        JsonNode sent = calls("oerp_cataloginventory_stock_item.update");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("args")).isEqualTo(JsonClient.parse("[879, {\"is_in_stock\": 1, \"qty\": 30.0}]"));
        assertThat(sent.get(1).get("args")).isEqualTo(JsonClient.parse("[879, {\"use_config_manage_stock\": 0, \"backorders\": 2, "
                + "\"is_in_stock\": 1, \"use_config_backorders\": 0, \"manage_stock\": 1, \"qty\": 333.0}]"));
        JsonNode stock = http.get("/records/stock_items/879").json().get("record");
        assertThat(stock).isEqualTo(JsonClient.parse("{\"product_id\": \"879\", \"is_in_stock\": 1, \"qty\": 333.0, "
                + "\"use_config_manage_stock\": 0, \"backorders\": 2, \"use_config_backorders\": 0, \"manage_stock\": 1}"));
    }

    @Test
    void theCancelExportReadsTheOrderThenSetsItsStatus() throws Exception {
        List<Replayed> calls = replay("test_sale_order_cancel_export.json");
        assertThat(calls).extracting(Replayed::path).containsExactly("sales_order.info", "sales_order.addComment");
        assertThat(calls.get(0).answered()).isEqualTo(calls.get(0).recorded());
        assertThat(calls.get(1).args()).containsExactly("100000201", "canceled");
        assertThat(calls.get(1).answered()).isEqualTo(true);
        assertThat(calls("sales_order.addComment").get(0).get("args")).isEqualTo(JsonClient.parse("[\"100000201\", \"canceled\"]"));

        JsonNode order = http.get("/records/orders/100000201").json().get("record");
        assertThat(order.get("status").asText()).isEqualTo("canceled");
        assertThat(order.get("state").asText()).as("addComment changes the status only, as Magento's").isEqualTo("new");
        JsonNode history = order.get("status_history").get(0);
        assertThat(history.get("status").asText()).isEqualTo("canceled");
        assertThat(history.get("comment").asText()).isEmpty();
        assertThat(history.get("comment").isTextual()).isTrue();
    }

    @Test
    void everyExportCassetteIsReplayedHere() throws Exception {
        try (var files = java.nio.file.Files.list(CassetteReplayTest.cassettes())) {
            assertThat(files.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.startsWith("test_export_") || name.startsWith("test_product_export_qty") || name.contains("cancel_export")))
                    .containsExactlyInAnyOrder("test_export_invoice.json", "test_export_picking_complete.json", "test_export_picking_partial.json",
                            "test_export_tracking_number.json", "test_product_export_qty.json", "test_product_export_qty_config.json",
                            "test_sale_order_cancel_export.json");
        }
    }
}
