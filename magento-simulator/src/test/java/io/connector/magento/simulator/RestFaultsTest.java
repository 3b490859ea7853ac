package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.connector.magento.simulator.FaultInjection.HttpFault;

/** The injected faults over REST and for the images, counted at /stats and logged at /calls like the XML-RPC ones. */
class RestFaultsTest {

    private static MagentoSimulator magento;
    private static RestClient rest;
    private static JsonClient http;
    private static String image;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.of(5, 12, 4)).start();
        rest = new RestClient(magento);
        http = new JsonClient(magento.url());
        image = Values.text(magento.store().productMedia().get(magento.store().productMedia().ids().get(0)).orElseThrow().get("file"));
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    @BeforeEach
    void reset() {
        magento.faults().clear();
        magento.clearCalls();
        magento.resetCallCounts();
    }

    @Test
    void latencyDelaysEachAnswer() throws Exception {
        magento.faults().latency(Duration.ofMillis(250));
        long start = System.nanoTime();
        assertThat(rest.get("customers/1").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a503IsAProxysPageAndTheCallNeverRuns() throws Exception {
        magento.faults().failNextWith503(1);
        RestClient.Answer refused = rest.put("products/" + sku() + "/stockItems/1", "{\"stockItem\": {\"qty\": 5}}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.text()).contains("503 Service Temporarily Unavailable");
        assertThat(magento.store().stockItems().isEmpty()).as("the write did not happen").isTrue();
        assertThat(magento.calls()).isEmpty();
        assertThat(rest.get("customers/1").status()).isEqualTo(200);
    }

    @Test
    void aResetClosesTheConnectionAndTheCallNeverRuns() throws Exception {
        // A PUT: java.net.http sends a GET again by itself when its connection closes.
        magento.faults().failNext(1, HttpFault.CONNECTION_RESET);
        assertThatThrownBy(() -> rest.put("products/" + sku() + "/stockItems/1", "{\"stockItem\": {\"qty\": 5}}")).isInstanceOf(IOException.class);
        assertThat(magento.store().stockItems().isEmpty()).isTrue();
        assertThat(magento.callCounts().fault("CONNECTION_RESET")).isEqualTo(1);
        assertThat(rest.get("customers/1").status()).isEqualTo(200);
    }

    @Test
    void aMalformedBodyIsAPhpErrorPageAfterTheWriteHappened() throws Exception {
        magento.faults().failNext(1, HttpFault.MALFORMED_BODY);
        RestClient.Answer answer = rest.put("products/" + sku() + "/stockItems/1", "{\"stockItem\": {\"qty\": 5}}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("Fatal error").doesNotContain("{");
        assertThatThrownBy(answer::json).isInstanceOf(RuntimeException.class);
        assertThat(magento.store().stockItems().get("1")).as("the write happened").isPresent();
        assertThat(magento.calls()).extracting(RecordedCall::method).containsExactly("PUT products/{sku}/stockItems/{itemId}");
    }

    @Test
    void aTruncatedBodyIsHalfTheJson() throws Exception {
        byte[] whole = rest.get("customers/1").body();
        magento.faults().failNext(1, HttpFault.TRUNCATED_BODY);
        RestClient.Answer answer = rest.get("customers/1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).hasSize(whole.length / 2);
        assertThatThrownBy(answer::json).isInstanceOf(RuntimeException.class);
    }

    @Test
    void imagesAreServedAndSufferTheFaultsToo() throws Exception {
        RestClient anonymous = new RestClient(magento.url(), null);
        // As the recorded URLs have it: base_media_url, catalog/product/, then the file, which starts with a slash.
        RestClient.Answer picture = anonymous.send("GET", "/media/catalog/product/" + image, null);
        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(picture.body()))).isNotNull();
        assertThat(anonymous.send("GET", "/media/catalog/product" + image, null).body())
                .as("with a single slash, and the same bytes each time").isEqualTo(picture.body());
        assertThat(anonymous.send("GET", "/media/catalog/product/x/y/nothing.jpg", null).status()).isEqualTo(404);
        magento.store().productMedia().put("999", "1", Map.of("file", "/p/n/picture.png", "types", java.util.List.of()));
        RestClient.Answer png = anonymous.send("GET", "/media/catalog/product//p/n/picture.png", null);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body()))).isNotNull();
        magento.faults().failNextWith503(1);
        assertThat(anonymous.send("GET", "/media/catalog/product/" + image, null).status()).isEqualTo(503);
        JsonNode entries = rest.get("products/" + sku() + "/media").json();
        assertThat(entries.isArray()).isTrue();
    }

    @Test
    void restRequestsAreCountedAndLoggedBesideXmlRpcCalls() throws Exception {
        magento.faults().failNext(1, HttpFault.SERVICE_UNAVAILABLE).failNext(1, HttpFault.TRUNCATED_BODY);
        rest.get("customers/1");
        rest.get("customers/1");
        rest.get("customers/2?fields=id");
        new RestClient(magento.url(), "wrong").get("customers/3");
        rest.get("nothing/here");
        rest.send("GET", "/index.php/rest/default/V1/products/" + sku(), null);
        new XmlRpcClient(magento.endpoint()).login();

        CallCounts counts = magento.callCounts();
        assertThat(counts.requests()).isEqualTo(7);
        assertThat(counts.faults()).containsExactly(Map.entry("SERVICE_UNAVAILABLE", 1L), Map.entry("TRUNCATED_BODY", 1L));
        assertThat(counts.path("GET customers/{id}")).isEqualTo(3);
        assertThat(counts.path("GET products/{sku}")).isEqualTo(1);
        assertThat(counts.method("GET")).isEqualTo(5);
        assertThat(counts.method("login")).isEqualTo(1);
        JsonNode stats = http.get("/stats").json();
        assertThat(stats.at("/faults/SERVICE_UNAVAILABLE").asInt()).isEqualTo(1);
        assertThat(stats.at("/paths/GET customers~1{id}").asInt()).isEqualTo(3);

        JsonNode calls = http.get("/calls?method=" + java.net.URLEncoder.encode("GET customers/{id}", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).isEqualTo(JsonClient.parse("{\"method\": \"GET customers/{id}\", \"args\": [{\"id\": \"1\"}], \"faultCode\": null}"));
        assertThat(calls.get(1).get("args")).isEqualTo(JsonClient.parse("[{\"id\": \"2\", \"query\": {\"fields\": \"id\"}}]"));
        assertThat(calls.get(2).get("faultCode").asInt()).isEqualTo(401);
        JsonNode scoped = http.get("/calls?method=" + java.net.URLEncoder.encode("GET products/{sku}", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(scoped.at("/0/args/0")).isEqualTo(JsonClient.parse("{\"sku\": \"" + sku() + "\", \"store\": \"default\"}"));
        JsonNode unrouted = http.get("/calls?method=" + java.net.URLEncoder.encode("GET /index.php/rest/V1/nothing/here", java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(unrouted.at("/0/faultCode").asInt()).isEqualTo(404);
    }

    @Test
    void aWritesBodyIsLoggedAsSent() throws Exception {
        rest.put("products/" + sku() + "/stockItems/1", "{\"stockItem\": {\"qty\": 30.0, \"is_in_stock\": 1}}");
        assertThat(magento.calls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("PUT products/{sku}/stockItems/{itemId}");
            assertThat(call.args()).containsExactly(Map.of("sku", sku(), "itemId", "1", "body", Map.of("stockItem", Map.of("qty", 30.0, "is_in_stock", 1))));
            assertThat(call.faulted()).isFalse();
        });
        assertThat(http.get("/calls").body()).contains("\"qty\":30.0");
    }

    private static String sku() {
        return Values.text(magento.store().products().get("1").orElseThrow().get("sku"));
    }
}
