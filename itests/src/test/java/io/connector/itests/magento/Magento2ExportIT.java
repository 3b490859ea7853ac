package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The Magento 2 export recordings replayed through the operator's shell, on a {@code magento/2.0}
 * backend on the recorded shop: a stock, an invoice, a complete delivery with its tracking number
 * and a cancellation send the requests the recordings show, with the recorded bodies (the ids of
 * the orders this shop has where the recording's were others). The exporters are the ones
 * {@code magento/1.7} uses; only the adapters are Magento 2's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Magento2ExportIT extends MagentoTestSupport {

    private static final String SHOP_URL = "itest.magento2.url";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CREATED = Pattern.compile("Created (\\S+) (\\d+)");

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(systemProperty(SHOP_URL).value(Magento2Shop.url()));
        options.add(features(featuresUrl(), "connector-magento2"));
        return options.toArray(new Option[0]);
    }

    private static String shop() {
        return System.getProperty(SHOP_URL);
    }

    /** The recorded orders 10 (new) and 12 (processing) imported, with their products. */
    @Before
    public void shopWithOrders() throws Exception {
        if (backends.find("shop2").isEmpty()) {
            execute("connector:backend-add --location " + shop() + " --token " + Magento2Shop.TOKEN
                    + " --option export.delay=1 shop2 magento/2.0");
            await(() -> backends.find("shop2").isPresent());
            execute("connector:import --sync shop2 metadata");
            create("sale.payment.method name=checkmo import_rule=always");
            for (String order : List.of("10", "12")) {
                execute("connector:import-record shop2 magento.sale.order " + order);
            }
            execute("connector:jobs --wait --backend shop2");
        }
        clearCalls();
    }

    @Test
    public void eachRecordedExportSendsTheRecordedRequests() throws Exception {
        // test_product_export_qty, on a product of this shop (the recording's was MH09-L-Blue).
        Object hoodie = one("connector:bindings --json --external-id MH09-XS-Blue shop2 magento.product.product").get("id");
        execute("connector:record-write magento.product.product " + hoodie + " magento_qty=30");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("GET stockItems/{sku}")).containsExactly(Map.of("sku", "MH09-XS-Blue"));
        List<Map<String, Object>> puts = calls("PUT products/{sku}/stockItems/{itemId}");
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0)).containsEntry("sku", "MH09-XS-Blue")
                .containsEntry("body", Map.of("stockItem", Map.of("qty", 30.0, "is_in_stock", 1)));

        // test_export_invoice, on order 10's hoodie (the recording's was order 16's item 32).
        Object order10 = orderRecord("10");
        long invoice = create("account.invoice name=INV/10 order_id=" + order10);
        Object hoodieProduct = one("connector:records --json --where id=" + lineOf("19") + " sale.order.line").get("product_id");
        create("account.invoice.line invoice_id=" + invoice + " product_id=" + hoodieProduct + " quantity=1");
        execute("connector:record-write account.invoice " + invoice + " state=paid");
        assertThat(waitForJobs()).contains("failed: 0");
        List<Map<String, Object>> invoiced = calls("POST order/{id}/invoice");
        assertThat(invoiced).hasSize(1);
        assertThat(invoiced.get(0)).containsEntry("id", "10").containsEntry("body", ordered("capture", false,
                "items", List.of(ordered("orderItemId", "19", "qty", 1.0)), "comment", ordered("comment", "Invoice Created",
                        "isVisibleOnFront", 0), "appendComment", false, "notify", true));
        assertThat(one("connector:records --json --where record_id=" + invoice + " magento.account.invoice").get("external_id"))
                .as("the invoice id Magento answered").isNotNull();

        // test_export_picking_complete, on the recorded order 12: everything left is shipped.
        Object order12 = orderRecord("12");
        long complete = create("stock.picking name=WH/OUT/00082 delivery=complete order_id=" + order12);
        execute("connector:record-write stock.picking " + complete + " state=done");
        assertThat(waitForJobs()).contains("failed: 0");
        List<Map<String, Object>> shipped = calls("POST order/{id}/ship");
        assertThat(shipped).hasSize(1);
        assertThat(shipped.get(0)).containsEntry("id", "12");
        String shipment = one("connector:records --json --where record_id=" + complete + " magento.stock.picking")
                .get("external_id").toString();

        // test_export_tracking_number: the track's entity as recorded, the carrier's code up to its first '_'.
        Object carrier = one("connector:records --json --where id=" + one("connector:records --json --where id=" + order12
                + " sale.order").get("carrier_id") + " delivery.carrier").get("id");
        execute("connector:record-write stock.picking " + complete + " carrier_id=" + carrier + " carrier_tracking_ref=XYZ");
        assertThat(waitForJobs()).contains("failed: 0");
        List<Map<String, Object>> tracks = calls("POST shipment/track");
        assertThat(tracks).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> entity = (Map<String, Object>) ((Map<String, Object>) tracks.get(0).get("body")).get("entity");
        assertThat(entity).containsEntry("order_id", "12").containsEntry("parent_id", shipment).containsEntry("weight", 0)
                .containsEntry("qty", 1).containsEntry("description", "WH/OUT/00082").containsEntry("track_number", "XYZ")
                .containsEntry("carrier_code", "tablerate");

        // test_sale_order_cancel_export: the status read, then set with the recorded requests.
        execute("connector:record-write sale.order " + order12 + " state=cancel");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("GET orders/{id}")).last().isEqualTo(Map.of("id", "12"));
        List<Map<String, Object>> saved = calls("POST orders");
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).get("body")).isEqualTo(Map.of("entity", ordered("entity_id", "12", "state", "canceled",
                "status", "canceled")));
        List<Map<String, Object>> comments = calls("POST orders/{id}/comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0)).containsEntry("id", "12");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private long create(String modelAndValues) throws Exception {
        String said = execute("connector:record-create " + modelAndValues);
        Matcher created = CREATED.matcher(said);
        assertThat(created.find()).as(said).isTrue();
        return Long.parseLong(created.group(2));
    }

    private Map<String, Object> one(String command) throws Exception {
        List<Map<String, Object>> rows = json(command);
        assertThat(rows).as(command).hasSize(1);
        return rows.get(0);
    }

    private Object orderRecord(String entityId) throws Exception {
        return one("connector:bindings --json --external-id " + entityId + " shop2 magento.sale.order").get("record_id");
    }

    private Object lineOf(String itemId) throws Exception {
        return one("connector:bindings --json --external-id " + itemId + " shop2 magento.sale.order.line").get("record_id");
    }

    private String waitForJobs() throws Exception {
        return execute("connector:jobs --wait --timeout 120 --backend shop2");
    }

    /** The shop's requests to {@code route} since the test began: path parameters, and the body as sent. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(String route) throws Exception {
        String path = "/calls?method=" + URLEncoder.encode(route, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + path)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<Map<String, Object>> calls = JSON.readValue(response.body(), new TypeReference<List<Map<String, Object>>>() { });
        return calls.stream().map(call -> {
            Map<String, Object> args = new LinkedHashMap<>((Map<String, Object>) ((List<Object>) call.get("args")).get(0));
            args.remove("query");
            return args;
        }).toList();
    }

    private static void clearCalls() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop() + "/calls/clear"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
