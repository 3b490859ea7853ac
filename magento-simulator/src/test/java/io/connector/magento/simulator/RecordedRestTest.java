package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The recorded Magento 2 traffic (../shared/magento/cassettes/2.x) replayed against the
 * simulator seeded from it: every recorded GET answers the recorded JSON (compared parsed), and
 * every recorded POST and PUT is taken with the recorded status and a compatible answer, its
 * effect then read back through REST, XML-RPC and {@code GET /records}.
 *
 * <p>Each cassette replays against a shop seeded from all the recordings and then from that
 * cassette again, so that the records it read are as it saw them: the recordings are of one shop
 * at different moments (order 9 was edited into order 10 after import_sale_order_9 was recorded).
 * {@link #theWholeFolderIsTheShopsLatestState} checks the shop seeded from the folder alone.
 *
 * <p>Normalized, on purpose, and nothing else:
 * <ul>
 * <li>store/storeConfigs' eight base URLs: the recorded shop's {@code http://magento/} is the
 * simulator's own URL, so that a client downloads images from base_media_url from it;
 * <li>images: the recordings kept a 43-byte GIF as text, mangled, under image/jpeg; the simulator
 * answers its own small JPEG, compared as status 200, image/jpeg and a picture that decodes;
 * <li>the entity ids invoice and ship answer ("4", "3" in the recorded shop, which had made
 * others before): any JSON string of a positive integer, then found by a search;
 * <li>the track shipment/track answers: its entity_id (the simulator's own numbering) and its
 * created_at and updated_at (now);
 * <li>what {@code POST orders} answers: Magento answered the partial order it had saved
 * (grand_total and customer_email null, no items, a new protect_code, total_due 0); the
 * simulator answers the whole order, which must hold every other value Magento's answer had.
 * </ul>
 */
class RecordedRestTest {

    /**
     * The requests two cassettes recorded with different answers, and the cassette recorded later,
     * whose answer the shop seeded from the whole folder gives: order 9 was cancelled and edited
     * into order 10 in between, and customer 1 got the two addresses of order 10 with it.
     */
    private static final Map<String, String> SUPERSEDED = Map.of(
            "import_sale_order_9.json GET /index.php/rest/V1/orders/9", "import_sale_order_10.json",
            "import_sale_order_9.json GET /index.php/rest/V1/customers/1", "import_sale_order_10.json");

    /** One recorded interaction. */
    private record Interaction(String cassette, String method, String path, String body, int status, String contentType, String answer) {

        String key() {
            return cassette + " " + method + " " + URI.create("http://magento" + path).getRawPath();
        }

        boolean isImage() {
            return path.startsWith("/media/");
        }
    }

    static Path cassettes() {
        Path dir = Path.of(System.getProperty("cassettes2.dir", "../../shared/magento/cassettes/2.x"));
        assertThat(dir).as("the shared Magento 2 cassettes (system property cassettes2.dir)").isDirectory();
        return dir;
    }

    static List<Path> cassetteFiles() throws IOException {
        try (Stream<Path> files = Files.list(cassettes())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Interaction> interactions(Path cassette) throws IOException {
        List<Interaction> interactions = new ArrayList<>();
        for (JsonNode interaction : RestClient.JSON.readTree(cassette.toFile()).path("interactions")) {
            JsonNode request = interaction.path("request");
            JsonNode response = interaction.path("response");
            URI uri = URI.create(request.path("uri").asText());
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            interactions.add(new Interaction(cassette.getFileName().toString(), request.path("method").asText(), path,
                    request.path("body").isNull() ? null : request.path("body").asText(null), response.path("status").asInt(),
                    response.path("content_type").asText(), response.path("body").asText()));
        }
        return interactions;
    }

    /** The shop of one cassette's moment: all the recordings, then that cassette's again. */
    private static MagentoSimulator shopOf(Path cassette) {
        return MagentoSimulator.builder().seedFromCassettes(cassettes()).seedFromCassettes(cassette).start();
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedRequestIsAnsweredAsRecorded() throws IOException {
        List<Path> files = cassetteFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(16);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    private void replay(Path cassette) throws Exception {
        List<Interaction> interactions = interactions(cassette);
        assertThat(interactions).isNotEmpty();
        try (MagentoSimulator magento = shopOf(cassette)) {
            prepare(cassette.getFileName().toString(), magento);
            RestClient client = new RestClient(magento);
            Map<String, RestClient.Answer> writes = new LinkedHashMap<>();
            for (Interaction interaction : interactions) {
                RestClient.Answer answer = client.send(interaction.method(), interaction.path(), interaction.body());
                String what = interaction.key();
                assertThat(answer.status()).as(what).isEqualTo(interaction.status());
                if (interaction.isImage()) {
                    assertThat(answer.contentType()).as(what).isEqualTo("image/jpeg");
                    assertThat(ImageIO.read(new ByteArrayInputStream(answer.body()))).as(what + " decodes").isNotNull();
                } else if (interaction.method().equals("GET")) {
                    assertThat(answer.contentType()).as(what).isEqualTo("application/json; charset=utf-8");
                    assertThat(answer.json()).as(what).isEqualTo(expected(interaction, magento));
                } else {
                    assertCompatible(interaction, answer.json());
                    writes.put(interaction.method() + " " + URI.create("http://magento" + interaction.path()).getRawPath(), answer);
                }
            }
            effects(cassette.getFileName().toString(), magento, client, writes);
        }
    }

    /** The recorded answer, its store URLs on the simulator. */
    private static JsonNode expected(Interaction interaction, MagentoSimulator magento) throws IOException {
        JsonNode recorded = RestClient.JSON.readTree(interaction.answer());
        if (interaction.path().contains("/store/storeConfigs")) {
            for (JsonNode config : recorded) {
                config.fields().forEachRemaining(field -> {
                    if (field.getKey().endsWith("_url")) {
                        ((ObjectNode) config).put(field.getKey(), field.getValue().asText().replace("http://magento/", magento.url() + "/"));
                    }
                });
            }
        }
        return recorded;
    }

    /** What a write answered, against what Magento answered (see the class comment for what may differ). */
    private static void assertCompatible(Interaction interaction, JsonNode answer) throws IOException {
        JsonNode recorded = RestClient.JSON.readTree(interaction.answer());
        String path = URI.create("http://magento" + interaction.path()).getRawPath();
        String what = interaction.key();
        if (path.endsWith("/invoice") || path.endsWith("/ship")) {
            assertThat(recorded.isTextual()).isTrue();
            assertThat(answer.isTextual()).as(what).isTrue();
            assertThat(answer.asText()).as(what).matches("[1-9][0-9]*");
        } else if (path.endsWith("/shipment/track")) {
            assertThat(fieldNames(answer)).as(what).isEqualTo(fieldNames(recorded));
            ObjectNode same = recorded.deepCopy();
            ObjectNode ours = answer.deepCopy();
            for (String differs : List.of("entity_id", "created_at", "updated_at")) {
                same.remove(differs);
                ours.remove(differs);
            }
            assertThat(ours).as(what).isEqualTo(same);
            assertThat(answer.get("entity_id").isInt()).isTrue();
            assertThat(answer.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        } else if (path.endsWith("/V1/orders")) {
            Set<String> partialObjectsOwn = Set.of("protect_code", "updated_at", "base_total_due", "total_due");
            recorded.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull() && !partialObjectsOwn.contains(field.getKey())) {
                    assertThat(answer.get(field.getKey())).as(what + " " + field.getKey()).isEqualTo(field.getValue());
                }
            });
            assertThat(answer.get("items")).as("the whole order").hasSize(2);
        } else {
            assertThat(answer).as(what).isEqualTo(recorded);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Records a cassette's writes name and no recording shows, as the recorded shop had them. */
    private static void prepare(String cassette, MagentoSimulator magento) {
        DataStore store = magento.store();
        switch (cassette) {
            case "test_export_invoice.json" -> {
                // Order 16 with its item 32: a copy of order 12 (000000015) and its first item.
                Map<String, Object> order = store.orders().get("000000015").orElseThrow();
                order.put("order_id", "16");
                order.put("increment_id", "000000019");
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) ((List<?>) order.get("items")).get(0);
                item.put("item_id", "32");
                item.put("order_id", "16");
                order.put("items", new ArrayList<>(List.of(item)));
                store.orders().put("000000019", order);
            }
            case "test_export_tracking_number.json" -> {
                // Shipment 3 of order 12, which test_export_picking_complete made in the recorded shop.
                Map<String, Object> shipment = new LinkedHashMap<>();
                shipment.put("shipment_id", "3");
                shipment.put("order_id", "12");
                shipment.put("increment_id", "000000003");
                shipment.put("total_qty", "2.0000");
                shipment.put("items", new ArrayList<>());
                shipment.put("comments", new ArrayList<>());
                store.shipments().put("000000003", "000000015", shipment);
            }
            default -> {
            }
        }
    }

    /** What each cassette's writes did, read back three ways. */
    private static void effects(String cassette, MagentoSimulator magento, RestClient client, Map<String, RestClient.Answer> writes)
            throws Exception {
        JsonClient records = new JsonClient(magento.url());
        XmlRpcClient xmlRpc = new XmlRpcClient(magento.endpoint());
        switch (cassette) {
            case "test_product_export_qty.json" -> {
                assertThat(records.get("/records/stock_items/190").json().get("record"))
                        .isEqualTo(JsonClient.parse("{\"product_id\": \"190\", \"qty\": 30.0, \"is_in_stock\": 1}"));
                assertThat(client.get("stockItems/MH09-L-Blue").json().get("qty").asInt()).isEqualTo(30);
                Object stock = xmlRpc.call(xmlRpc.login(), "cataloginventory_stock_item.list", List.of("MH09-L-Blue"));
                assertThat(struct(((List<?>) stock).get(0))).containsEntry("qty", "30.0000").containsEntry("is_in_stock", "1");
            }
            case "test_export_invoice.json" -> {
                String id = writes.get("POST /index.php/rest/V1/order/16/invoice").json().asText();
                JsonNode found = client.get("invoices?searchCriteria[filter_groups][0][filters][0][field]=order_id"
                        + "&searchCriteria[filter_groups][0][filters][0][value]=16").json();
                assertThat(found.get("total_count").asInt()).isEqualTo(1);
                JsonNode invoice = found.get("items").get(0);
                assertThat(invoice.get("entity_id").asText()).isEqualTo(id);
                assertThat(invoice.get("items").get(0).get("order_item_id").asInt()).isEqualTo(32);
                assertThat(invoice.get("items").get(0).get("qty").asInt()).isEqualTo(1);
                assertThat(invoice.get("comments").get(0).get("comment").asText()).isEqualTo("Invoice Created");
                assertThat(client.get("orders/16").json().get("items").get(0).get("qty_invoiced").asInt()).isEqualTo(1);
                String incrementId = invoice.get("increment_id").asText();
                assertThat(records.get("/records/invoices/" + incrementId).json().get("owner").asText()).isEqualTo("000000019");
                Map<String, Object> info = struct(xmlRpc.call(xmlRpc.login(), "sales_order_invoice.info", incrementId));
                assertThat(info).containsEntry("order_increment_id", "000000019").containsEntry("invoice_id", id);
            }
            case "test_export_picking_complete.json" -> {
                String id = writes.get("POST /index.php/rest/V1/order/12/ship").json().asText();
                JsonNode shipment = client.get("shipment/" + id).json();
                assertThat(shipment.get("order_id").asInt()).isEqualTo(12);
                assertThat(shipment.get("items")).extracting(i -> i.get("order_item_id").asInt()).containsExactly(24, 25);
                assertThat(client.get("orders/12").json().get("items")).allSatisfy(i -> assertThat(i.get("qty_shipped").asInt()).isEqualTo(1));
                assertThat(records.get("/records/shipments?owner=000000015").json()).hasSize(1);
                Map<String, Object> info = struct(xmlRpc.call(xmlRpc.login(), "sales_order_shipment.info", shipment.get("increment_id").asText()));
                assertThat((List<?>) info.get("items")).hasSize(2);
            }
            case "test_export_tracking_number.json" -> {
                JsonNode tracks = client.get("shipment/3").json().get("tracks");
                assertThat(tracks).singleElement().satisfies(track -> {
                    assertThat(track.get("track_number").asText()).isEqualTo("XYZ");
                    assertThat(track.get("carrier_code").asText()).isEqualTo("tablerate");
                    assertThat(track.get("description").asText()).isEqualTo("WH/OUT/00082");
                    assertThat(track.get("order_id").asInt()).isEqualTo(12);
                });
                assertThat(records.get("/records/tracks?owner=000000003").json()).hasSize(1);
                Map<String, Object> info = struct(xmlRpc.call(xmlRpc.login(), "sales_order_shipment.info", "000000003"));
                assertThat(struct(((List<?>) info.get("tracks")).get(0))).containsEntry("number", "XYZ").containsEntry("title", "Your shipment");
            }
            case "test_sale_order_cancel_export.json" -> {
                JsonNode order = client.get("orders/12").json();
                assertThat(order.get("state").asText()).isEqualTo("canceled");
                assertThat(order.get("status").asText()).isEqualTo("canceled");
                assertThat(order.get("status_histories")).singleElement().satisfies(entry -> {
                    assertThat(entry.get("comment").asText()).isEqualTo("canceled");
                    assertThat(entry.get("is_customer_notified").asInt()).isZero();
                    assertThat(entry.get("entity_id").asInt()).isPositive();
                });
                Map<String, Object> info = struct(xmlRpc.call(xmlRpc.login(), "sales_order.info", "000000015"));
                assertThat(info).containsEntry("state", "canceled").containsEntry("status", "canceled");
                assertThat(struct(((List<?>) info.get("status_history")).get(0))).containsEntry("comment", "canceled");
            }
            default -> assertThat(writes).as(cassette + " has no write").isEmpty();
        }
    }

    @Test
    void theWholeFolderIsTheShopsLatestState() throws Exception {
        Map<String, JsonNode> recordedByRequest = new HashMap<>();
        List<Interaction> reads = new ArrayList<>();
        for (Path file : cassetteFiles()) {
            for (Interaction interaction : interactions(file)) {
                if (interaction.method().equals("GET") && !interaction.isImage()) {
                    reads.add(interaction);
                    recordedByRequest.put(interaction.cassette() + " " + interaction.path(), RestClient.JSON.readTree(interaction.answer()));
                }
            }
        }
        Set<String> differing = new TreeSet<>();
        try (MagentoSimulator magento = MagentoSimulator.builder().seedFromCassettes(cassettes()).start()) {
            RestClient client = new RestClient(magento);
            for (Interaction interaction : reads) {
                JsonNode answer = client.send("GET", interaction.path(), null).json();
                JsonNode own = expected(interaction, magento);
                if (answer.equals(own)) {
                    continue;
                }
                differing.add(interaction.key());
                String later = SUPERSEDED.get(interaction.key());
                assertThat(later).as(interaction.key() + " answers other than recorded").isNotNull();
                assertThat(answer).as(interaction.key() + " as " + later + " recorded it")
                        .isEqualTo(recordedByRequest.get(later + " " + interaction.path()));
            }
        }
        assertThat(differing).isEqualTo(SUPERSEDED.keySet());
    }

    @Test
    void bothRecordedShopsSeedOneSimulatorWithoutTouchingEachOthersRecords() throws Exception {
        try (MagentoSimulator magento = MagentoSimulator.builder().seedFromCassettes(CassetteReplayTest.cassettes())
                .seedFromCassettes(cassettes()).start()) {
            DataStore store = magento.store();
            // Their own records have ids of their own.
            assertThat(store.customers().ids()).contains("1", "2", "3", "5", "65", "99", "104", "136", "139");
            assertThat(store.products().ids()).contains("44", "181", "190", "2051", "302", "337", "338", "512", "879");
            assertThat(store.orders().ids()).contains("000000013", "000000013-1", "000000015", "100000201", "145000008");
            XmlRpcClient xmlRpc = new XmlRpcClient(magento.endpoint());
            String session = xmlRpc.login();
            assertThat(struct(xmlRpc.call(session, "customer.info", "136"))).containsEntry("email", "janedoe@example.com");
            assertThat(struct(xmlRpc.call(session, "sales_order.info", "100000201"))).containsEntry("increment_id", "100000201");
            RestClient client = new RestClient(magento);
            assertThat(client.get("customers/5").json().get("email").asText()).isEqualTo("drew@france.com");
            assertThat(client.get("products/RACER").json().get("id").asInt()).isEqualTo(2051);
            // The shop structure and the tree's fixed roots are one: the 2.x seeding, given last, named them.
            assertThat(client.get("store/storeViews").json().get(0).get("name").asText()).isEqualTo("Default Store View");
            assertThat(client.get("categories/2").json().get("children").asText()).isEqualTo("3,9,11,20,37,38");
            assertThat(struct(xmlRpc.call(session, "ol_storeviews.info", "1"))).containsEntry("name", "Default Store View");
        }
    }

    @Test
    void theRecordedShopSavedAsADataDirectoryAnswersTheSame(@TempDir Path dir) throws Exception {
        List<Interaction> reads = new ArrayList<>();
        for (Path file : cassetteFiles()) {
            interactions(file).stream().filter(i -> i.method().equals("GET") && !i.isImage()).forEach(reads::add);
        }
        try (MagentoSimulator seeded = MagentoSimulator.builder().seedFromCassettes(cassettes()).start()) {
            seeded.store().save(dir);
            try (MagentoSimulator loaded = MagentoSimulator.builder().loadData(dir).start()) {
                RestClient before = new RestClient(seeded);
                RestClient after = new RestClient(loaded);
                for (Interaction read : reads) {
                    JsonNode expected = before.send("GET", read.path(), null).json();
                    if (read.path().contains("storeConfigs")) {
                        expected = RestClient.JSON.readTree(expected.toString().replace(seeded.url(), loaded.url()));
                    }
                    assertThat(after.send("GET", read.path(), null).json()).as(read.key()).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void aCassetteSeedsAsItsOwnShopToo() throws Exception {
        Path cassette = cassettes().resolve("test_import_partner_company_1_address.json");
        try (MagentoSimulator magento = MagentoSimulator.builder().seedFromCassettes(cassette).start()) {
            assertThat(magento.store().customers().ids()).containsExactly("5");
            JsonNode customer = new RestClient(magento).get("customers/5").json();
            assertThat(customer).isEqualTo(RestClient.JSON.readTree(interactions(cassette).get(0).answer()));
            assertThat(TextNode.valueOf("DF Services")).isEqualTo(customer.get("addresses").get(0).get("company"));
        }
    }
}
