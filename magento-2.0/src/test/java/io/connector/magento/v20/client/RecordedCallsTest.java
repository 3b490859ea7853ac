package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.v20.Cassettes;
import io.connector.magento.v20.RecordedMagento2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the recorded shop: what it sends for the calls the reference made is exactly
 * what the reference sent (path and query as sent, JSON bodies equal as JSON), and what it reads
 * is what Magento answered.
 */
class RecordedCallsTest {

    private static RecordedMagento2 magento;
    private static Magento2Client client;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        magento = RecordedMagento2.start();
        client = client(RecordedMagento2.TOKEN);
    }

    @AfterAll
    static void stop() {
        magento.close();
    }

    private static Magento2Client client(String token) {
        return new Magento2Client("shop2", magento.location(), token, HTTP, Duration.ofSeconds(10), 64L * 1024 * 1024,
                NetworkRetries.NONE);
    }

    /** What Magento answered to this request, decoded on its own. */
    private static Object recordedAnswer(String method, String target, String body) {
        Cassettes.Interaction recorded = RecordedMagento2.recorded(method, target, body)
                .orElseThrow(() -> new AssertionError("Nothing recorded for " + method + " " + target));
        try {
            return new ObjectMapper().readValue(recorded.answer(), Object.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object answer) {
        assertThat(answer).isInstanceOf(Map.class);
        return (Map<String, Object>) answer;
    }

    private static RecordedMagento2.Request last() {
        return magento.lastRequest();
    }

    @Test
    void aProductIsAskedByItsSkuWithTheToken() {
        Object product = client.get(RestPath.of("products/{}", "24-WG02"));
        assertThat(last()).isEqualTo(new RecordedMagento2.Request("GET", "/index.php/rest/V1/products/24-WG02", null,
                "application/json", "Bearer " + RecordedMagento2.TOKEN, null));
        assertThat(product).isEqualTo(recordedAnswer("GET", "/index.php/rest/V1/products/24-WG02", null));
        assertThat(map(product)).containsEntry("id", 44).containsEntry("name", "Didi Sport Watch")
                .containsEntry("price", 92);
    }

    @Test
    void theMetadataIsSearchedWithItsProjectionThenReadWhole() {
        assertThat(client.get(RestPath.of("store/websites"), Query.of("fields", "id")))
                .isEqualTo(List.of(Map.of("id", 1), Map.of("id", 0)));
        assertThat(last().target()).isEqualTo("/index.php/rest/V1/store/websites?fields=id");
        assertThat(client.get(RestPath.of("store/storeGroups"), Query.of("fields", "id")))
                .isEqualTo(List.of(Map.of("id", 0), Map.of("id", 1)));
        assertThat(client.get(RestPath.of("store/storeConfigs"), Query.of("fields", "id"))).isEqualTo(List.of(Map.of("id", 1)));
        for (String list : List.of("store/websites", "store/storeGroups", "store/storeViews", "store/storeConfigs")) {
            assertThat(client.get(RestPath.of(list))).as(list).isEqualTo(recordedAnswer("GET", "/index.php/rest/V1/" + list, null));
        }
        assertThat((List<?>) client.get(RestPath.of("store/storeConfigs"))).singleElement()
                .satisfies(view -> assertThat(map(view)).containsEntry("code", "default").containsEntry("locale", "en_US"));
    }

    @Test
    void theStockIsReadThenWrittenAsRecorded() {
        Map<String, Object> stock = map(client.get(RestPath.of("stockItems/{}", "MH09-L-Blue")));
        assertThat(stock).containsEntry("item_id", 190).containsEntry("stock_id", 1).containsEntry("is_in_stock", true);

        Object answer = client.put(RestPath.of("products/{}/stockItems/{}", "MH09-L-Blue", stock.get("item_id")),
                Map.of("stockItem", Map.of("qty", 30.0, "is_in_stock", 1)));
        assertThat(answer).isEqualTo("190");
        assertThat(last().method()).isEqualTo("PUT");
        assertThat(last().target()).isEqualTo("/index.php/rest/V1/products/MH09-L-Blue/stockItems/190");
        assertThat(last().contentType()).isEqualTo("application/json");
        assertThat(RecordedMagento2.recorded("PUT", last().target(), last().body())).as("the body as recorded").isPresent();
    }

    @Test
    void anInvoiceAShipmentAndItsTrackingArePostedAsRecorded() {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("capture", false);
        invoice.put("items", List.of(Map.of("orderItemId", "32", "qty", 1.0)));
        invoice.put("comment", Map.of("comment", "Invoice Created", "isVisibleOnFront", 0));
        invoice.put("appendComment", false);
        assertThat(client.post(RestPath.of("order/{}/invoice", 16), invoice)).isEqualTo("4");
        assertThat(last().target()).isEqualTo("/index.php/rest/V1/order/16/invoice");
        assertThat(last().contentType()).isEqualTo("application/json");

        assertThat(client.post(RestPath.of("order/{}/ship", 12), Map.of("items", List.of(Map.of("order_item_id", "24", "qty", 1.0),
                Map.of("order_item_id", "25", "qty", 1.0))))).isEqualTo("3");

        Map<String, Object> track = new LinkedHashMap<>();
        track.put("order_id", "12");
        track.put("parent_id", "3");
        track.put("weight", 0);
        track.put("qty", 1);
        track.put("description", "WH/OUT/00082");
        track.put("track_number", "XYZ");
        track.put("title", "Your shipment");
        track.put("carrier_code", "tablerate");
        Object tracked = client.post(RestPath.of("shipment/track"), Map.of("entity", track));
        assertThat(map(tracked)).containsEntry("entity_id", 3).containsEntry("track_number", "XYZ");
    }

    @Test
    void anOrderIsCancelledAsRecorded() {
        Map<String, Object> order = map(client.get(RestPath.of("orders/{}", 12)));
        assertThat(order).containsEntry("entity_id", 12).containsKey("status");
        Object state = client.post(RestPath.of("orders"),
                Map.of("entity", Map.of("entity_id", "12", "state", "canceled", "status", "canceled")));
        assertThat(map(state)).containsEntry("status", "canceled");
        assertThat(client.post(RestPath.of("orders/{}/comments", 12), Map.of("statusHistory",
                Map.of("comment", "canceled", "is_customer_notified", 0, "is_visible_on_front", 0)))).isEqualTo(true);
        assertThat(last().target()).isEqualTo("/index.php/rest/V1/orders/12/comments");
    }

    @Test
    void aStoreViewsTextsAreAskedInItsScope() {
        Object root = client.getInStore("default", RestPath.of("categories/{}", 1));
        assertThat(last().target()).isEqualTo("/index.php/rest/default/V1/categories/1");
        assertThat(map(root)).containsEntry("name", "Root Catalog").containsEntry("parent_id", 0);
    }

    /**
     * Every read the reference made, made again through the client's own path and query
     * encoding: the shop only answers a request recorded to the byte, and each answer, however
     * large and nested (orders), decodes within the client's bounds as it was recorded.
     */
    @Test
    void everyRecordedReadIsAskedAndReadAsRecorded() {
        Pattern rest = Pattern.compile("/index\\.php/rest/(?:([^/]+)/)?V1/([^?]+)(?:\\?(.*))?");
        int reads = 0;
        for (Cassettes.Interaction recorded : RecordedMagento2.recordings()) {
            Matcher call = rest.matcher(recorded.target());
            if (!recorded.method().equals("GET") || !call.matches()) {
                continue; // the writes have their own tests; images are not the API's
            }
            List<String> keys = new ArrayList<>();
            StringBuilder template = new StringBuilder();
            for (String segment : call.group(2).split("/")) {
                template.append(template.length() == 0 ? "" : "/").append("{}");
                keys.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
            RestPath path = RestPath.of(template.toString(), keys.toArray());
            Query query = Query.NONE;
            if (call.group(3) != null) {
                for (String parameter : call.group(3).split("&")) {
                    String[] pair = parameter.split("=", 2);
                    query = query.and(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
                }
            }
            Object answer = call.group(1) == null ? client.get(path, query) : client.getInStore(call.group(1), path, query);
            assertThat(last().target()).as(recorded.cassette() + " #" + recorded.index()).isEqualTo(recorded.target());
            assertThat(answer).as(recorded.cassette() + " #" + recorded.index())
                    .isEqualTo(recordedAnswer("GET", recorded.target(), null));
            reads++;
        }
        assertThat(reads).as("the recorded reads").isGreaterThan(60);
    }

    @Test
    void aRequestNobodyRecordedIsAnErrorNamingIt() {
        assertThatThrownBy(() -> client.post(RestPath.of("order/{}/invoice", 16), Map.of("capture", false, "items", List.of())))
                .isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("Not recorded: POST /index.php/rest/V1/order/16/invoice with body");
        assertThatThrownBy(() -> client.get(RestPath.of("products/{}", "24-WG02"), Query.of("fields", "sku")))
                .hasMessageContaining("Not recorded: GET /index.php/rest/V1/products/24-WG02?fields=sku");
    }

    @Test
    void anotherTokenIsRefusedAndNotQuoted() {
        String wrong = "0000000000wrongtoken0000000000";
        assertThatThrownBy(() -> client(wrong).get(RestPath.of("products/{}", "24-WG02")))
                .isInstanceOf(Magento2Exception.class).isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento refused the backend's token for GET products/24-WG02 (HTTP 401: The consumer isn't "
                        + "authorized to access Magento_Catalog::products.); check the integration's access token (the backend's "
                        + "password) and the API resources it is allowed")
                .hasMessageNotContaining(wrong);
        assertThat(last().authorization()).isEqualTo("Bearer " + wrong);
    }
}
