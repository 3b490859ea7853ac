package io.connector.magento.v20.client;

import static io.connector.magento.v20.client.ScriptedShop.json;
import static io.connector.magento.v20.client.ScriptedShop.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.http.NetworkRetries;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each status Magento 2 (or a proxy in front of it) answers becomes, and which calls are sent again. */
class AnswerMappingTest {

    private static final String TOKEN = "s3cr3tt0k3n0123456789abcdefghijk";
    /** GETs sent again three times after a passing fault, 10 ms then about 20 and 40 ms later. */
    private static final NetworkRetries QUICK = new NetworkRetries(3, Duration.ofMillis(10));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScriptedShop shop;
    private final Magento2Client client;

    AnswerMappingTest() throws IOException {
        shop = new ScriptedShop();
        client = new Magento2Client("shop2", shop.location(), TOKEN, http, Duration.ofSeconds(5), 1024 * 1024, QUICK);
    }

    @AfterEach
    void stop() throws IOException {
        shop.close();
    }

    /** The call's error, which never holds the token. */
    private static Throwable failure(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).as("an error").isNotNull();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as("no token in " + t).doesNotContain(TOKEN);
        }
        return thrown;
    }

    @Test
    void everyCallCarriesTheTokenAndAsksForJson() {
        shop.then(json(200, "{\"id\":44}"), json(200, "\"190\""));
        assertThat(client.get(RestPath.of("products/{}", "24-WG02"))).isEqualTo(Map.of("id", 44));
        assertThat(client.put(RestPath.of("products/{}/stockItems/{}", "24-WG02", 44), Map.of("stockItem", Map.of("qty", 3.0))))
                .isEqualTo("190");
        assertThat(shop.received()).allSatisfy(request -> assertThat(request.headers())
                .containsEntry("authorization", "Bearer " + TOKEN).containsEntry("accept", "application/json"));
        assertThat(shop.received().get(1).headers()).containsEntry("content-type", "application/json");
        assertThat(shop.received().get(1).body()).isEqualTo("{\"stockItem\":{\"qty\":3.0}}");
    }

    @Test
    void anAnswerWithNoContentIsNull() {
        shop.then(ScriptedShop.status(204, null, new byte[0]));
        assertThat(client.post(RestPath.of("orders/{}/cancel", 9), Map.of())).isNull();
        assertThat(shop.received().get(0).body()).isEqualTo("{}");
    }

    @Test
    void aGetAnswered404IsARecordGoneNamingTheBackendAndThePath() {
        shop.then(json(404, "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}"),
                json(404, "{\"message\":\"No such entity with %fieldName = %fieldValue\",\"parameters\":{\"fieldName\":\"id\","
                        + "\"fieldValue\":42}}"));
        assertThat(failure(() -> client.get(RestPath.of("products/{}", "bla/koe")))).isInstanceOf(RemoteRecordNotFoundException.class)
                .hasMessage("Backend shop2: GET products/bla%2Fkoe answered HTTP 404 (The product that was requested doesn't exist. "
                        + "Verify the product and try again.): the record no longer exists in Magento");
        assertThat(shop.received().get(0).target()).isEqualTo("/index.php/rest/V1/products/bla%2Fkoe");
        assertThat(failure(() -> client.get(RestPath.of("customers/{}", 42)))).isInstanceOf(RemoteRecordNotFoundException.class)
                .hasMessage("Backend shop2: GET customers/42 answered HTTP 404 (No such entity with id = 42): the record no longer "
                        + "exists in Magento");
        assertThat(shop.received()).as("a record gone is not asked again").hasSize(2);
    }

    @Test
    void a404ThatIsNoMagentoRecordIsAWrongLocationNotARecordGone() {
        shop.then(json(404, "{\"message\":\"Request does not match any route.\"}"),
                text(404, "text/html", "<html><body><h1>Not Found</h1></body></html>"));
        assertThat(failure(() -> client.get(RestPath.of("products/{}", "x")))).isExactlyInstanceOf(Magento2Exception.class)
                .hasMessage("Backend shop2: no Magento 2 REST route answers GET products/x at " + client.base()
                        + " (HTTP 404: Request does not match any route.); check the backend's location");
        assertThat(failure(() -> client.get(RestPath.of("products/{}", "x")))).isExactlyInstanceOf(Magento2Exception.class)
                .hasMessage("Backend shop2: no Magento 2 REST route answers GET products/x at " + client.base()
                        + " (HTTP 404, the response starts with: '<html><body><h1>Not Found</h1></body></html>'); check the backend's "
                        + "location");
    }

    @Test
    void a404ToAWriteIsARefusalNotARecordGone() {
        shop.then(json(404, "{\"message\":\"The entity that was requested doesn't exist. Verify the entity and try again.\"}"));
        Throwable error = failure(() -> client.post(RestPath.of("order/{}/invoice", 99), Map.of("capture", false)));
        assertThat(error).isExactlyInstanceOf(Magento2Exception.class).hasMessage("Backend shop2: POST order/99/invoice answered "
                + "HTTP 404 (The entity that was requested doesn't exist. Verify the entity and try again.)");
        assertThat(((Magento2Exception) error).status()).isEqualTo(404);
    }

    @Test
    void aRefusedTokenNamesTheBackendNeverTheTokenAndIsNotRetried() {
        shop.then(json(401, "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":"
                + "\"Magento_Sales::sales\"}}"), json(403, "{\"message\":\"Forbidden\"}"));
        Throwable unauthorized = failure(() -> client.get(RestPath.of("orders/{}", 1)));
        assertThat(unauthorized).isExactlyInstanceOf(Magento2Exception.class)
                .hasMessage("Backend shop2: Magento refused the backend's token for GET orders/1 (HTTP 401: The consumer isn't "
                        + "authorized to access Magento_Sales::sales.); check the integration's access token (the backend's "
                        + "password) and the API resources it is allowed");
        assertThat(failure(() -> client.get(RestPath.of("orders/{}", 1)))).isExactlyInstanceOf(Magento2Exception.class)
                .hasMessageStartingWith("Backend shop2: Magento refused the backend's token for GET orders/1 (HTTP 403: Forbidden)");
        assertThat(shop.received()).hasSize(2);
    }

    @Test
    void a400QuotesMagentosMessageWithItsParametersFilledIn() {
        shop.then(json(400, "{\"message\":\"The \\\"%1\\\" value's type is invalid. The \\\"%2\\\" type was expected.\","
                        + "\"parameters\":[\"abc\",\"int\"]}"),
                json(400, "{\"message\":\"The order does not allow an invoice to be created.\"}"),
                json(400, "{\"message\":\"Validation failed.\",\"errors\":[{\"message\":\"\\\"%fieldName\\\" is required. Enter and "
                        + "try again.\",\"parameters\":{\"fieldName\":\"qty\"}}]}"));
        Throwable typed = failure(() -> client.put(RestPath.of("products/{}/stockItems/{}", "x", "abc"), Map.of()));
        assertThat(typed).isExactlyInstanceOf(Magento2Exception.class).hasMessage("Backend shop2: Magento refused PUT "
                + "products/x/stockItems/abc (HTTP 400: The \"abc\" value's type is invalid. The \"int\" type was expected.)");
        assertThat(((Magento2Exception) typed).magentoMessage())
                .isEqualTo("The \"abc\" value's type is invalid. The \"int\" type was expected.");
        assertThat(failure(() -> client.post(RestPath.of("order/{}/invoice", 16), Map.of()))).hasMessage("Backend shop2: Magento "
                + "refused POST order/16/invoice (HTTP 400: The order does not allow an invoice to be created.)");
        assertThat(failure(() -> client.post(RestPath.of("order/{}/ship", 16), Map.of()))).hasMessage("Backend shop2: Magento "
                + "refused POST order/16/ship (HTTP 400: Validation failed. (\"qty\" is required. Enter and try again.))");
        assertThat(shop.received()).hasSize(3);
    }

    @Test
    void a429WithRetryAfterIsTheJobsToRetryAfterIt() {
        shop.then(json(429, "{\"message\":\"Too many requests\"}", "Retry-After: 30"));
        Throwable limited = failure(() -> client.get(RestPath.of("orders")));
        assertThat(limited).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento answered HTTP 429 to GET orders, asking to wait 30 s (Retry-After)");
        assertThat(((RetryableJobException) limited).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(shop.received()).as("not asked again before the time it said").hasSize(1);
    }

    @Test
    void a429WithoutRetryAfterIsAPassingFault() {
        shop.then(json(429, "{\"message\":\"Too many requests\"}"), json(200, "[]"));
        assertThat(client.get(RestPath.of("orders"))).isEqualTo(List.of());
        assertThat(shop.received()).hasSize(2);
    }

    @Test
    void gatewayErrorsAreSentAgainForAGetNeverForAWrite() {
        shop.then(text(502, "text/html", "Bad Gateway"), text(503, "text/html", "busy"), text(504, "text/html", "Gateway Timeout"),
                json(200, "{\"id\":1}"));
        assertThat(client.get(RestPath.of("customers/{}", 1))).isEqualTo(Map.of("id", 1));
        assertThat(shop.received()).hasSize(4);

        shop.then(text(503, "text/html", "busy"));
        Throwable post = failure(() -> client.post(RestPath.of("order/{}/ship", 12), Map.of("items", List.of())));
        assertThat(post).isInstanceOf(RetryableJobException.class).hasMessage("Backend shop2: Magento answered HTTP 503 to POST order/12/ship");
        assertThat(((RetryableJobException) post).retryAfter()).as("the job's own pattern").isNull();
        shop.then(text(502, "text/html", "Bad Gateway"));
        assertThat(failure(() -> client.put(RestPath.of("products/{}/stockItems/{}", "x", 1), Map.of())))
                .isInstanceOf(RetryableJobException.class).hasMessage("Backend shop2: Magento answered HTTP 502 to PUT products/x/stockItems/1");
        assertThat(shop.received()).as("Magento may have run a write: the job decides, not the client").hasSize(6);
    }

    @Test
    void aGetThatKeepsMeetingFaultsSaysHowManyTriesItTook() {
        for (int i = 0; i < 4; i++) {
            shop.then(text(503, "text/html", "busy"));
        }
        assertThat(failure(() -> client.get(RestPath.of("orders/{}", 9)))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento answered HTTP 503 to GET orders/9 (4 tries)");
        assertThat(shop.received()).hasSize(4);
    }

    @Test
    void aResetConnectionIsAPassingFault() {
        shop.then(ScriptedShop.reset(), json(200, "true"));
        assertThat(client.get(RestPath.of("orders/{}", 9))).isEqualTo(true);
        assertThat(shop.received()).hasSize(2);
    }

    @Test
    void a500IsRetryableOnTheJobsPatternQuotingItsStart() {
        shop.then(json(500, "{\"message\":\"Internal Error. Details are available in Magento log file. Report ID: webapi-5ea1\"}"));
        assertThat(failure(() -> client.get(RestPath.of("orders/{}", 9)))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento answered HTTP 500 to GET orders/9; the response starts with: '{\"message\":\"Internal "
                        + "Error. Details are available in Magento log file. Report ID: webapi-5ea1\"}'");
        assertThat(shop.received()).as("a 500 is not the network's: not asked again at once").hasSize(1);
    }

    @Test
    void aRedirectIsNotFollowedAndSaysWhereItPoints() {
        shop.then(text(301, "text/html", "Moved", "Location: https://shop.example.com/index.php/rest/V1/orders"));
        Throwable moved = failure(() -> client.get(RestPath.of("orders")));
        assertThat(moved).isExactlyInstanceOf(Magento2Exception.class).hasMessage("Backend shop2: Magento answered HTTP 301 to GET "
                + "orders, redirecting to 'https://shop.example.com/index.php/rest/V1/orders': redirects are not followed, since the "
                + "token would go along; set the backend's location to where the shop answers");
        assertThat(shop.received()).hasSize(1);
    }

    @Test
    void anUnreachableShopIsRetryableAndAGetIsTriedAgain() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Magento2Client nowhere = new Magento2Client("shop3", "http://127.0.0.1:" + closedPort, TOKEN, http, Duration.ofSeconds(2),
                1024, new NetworkRetries(2, Duration.ofMillis(10)));
        assertThat(failure(() -> nowhere.get(RestPath.of("orders")))).isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop3: cannot reach Magento at http://127.0.0.1:" + closedPort
                        + "/index.php/rest/V1 for GET orders: ConnectException").hasMessageEndingWith("(3 tries)");
    }

    @Test
    void aShopEchoingTheRequestGetsNoTokenIntoAnError() {
        String echo = "GET /index.php/rest/V1/orders HTTP/1.1 Authorization: Bearer " + TOKEN;
        shop.then(text(500, "text/plain", echo), text(400, "text/plain", echo),
                json(400, "{\"message\":\"Bad token %1\",\"parameters\":[\"" + TOKEN + "\"]}"), text(200, "text/plain", echo));
        assertThat(failure(() -> client.get(RestPath.of("orders")))).hasMessageContaining("Authorization: Bearer [token]");
        assertThat(failure(() -> client.get(RestPath.of("orders")))).hasMessageContaining("Authorization: Bearer [token]");
        Throwable filled = failure(() -> client.get(RestPath.of("orders")));
        assertThat(filled).hasMessageContaining("Bad token [token]");
        assertThat(((Magento2Exception) filled).magentoMessage()).isEqualTo("Bad token [token]");
        assertThat(failure(() -> client.get(RestPath.of("orders")))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("Bearer [token]");
    }
}
