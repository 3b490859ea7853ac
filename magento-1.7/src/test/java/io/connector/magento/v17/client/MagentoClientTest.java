package io.connector.magento.v17.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server: sessions, faults and transport errors. */
class MagentoClientTest {

    /** What the server answers: bytes and a status, or null to hang up without answering. */
    record Answer(int status, byte[] body) {
        static Answer ok(Object value) {
            return new Answer(200, XmlRpcCodec.encodeResponse(value));
        }

        static Answer fault(int code, String text) {
            return new Answer(200, XmlRpcCodec.encodeFault(code, text));
        }
    }

    private HttpServer server;
    private final List<Call> received = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Function<Call, Answer>> script = new LinkedList<>();
    private int logins;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/index.php/api/xmlrpc", exchange -> {
            Call call = XmlRpcCodec.decodeCall(exchange.getRequestBody().readAllBytes());
            received.add(call);
            Answer answer;
            if (call.method().equals("login")) {
                logins++;
                answer = "odoo42".equals(call.params().get(1)) ? Answer.ok("session" + logins) : Answer.fault(2, "Access denied.");
            } else {
                Function<Call, Answer> next;
                synchronized (script) {
                    next = script.poll();
                }
                answer = next == null ? Answer.ok(true) : next.apply(call);
            }
            if (answer == null) {
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Reads are sent again twice after a passing network fault, 10 ms then about 20 ms later. */
    private static final NetworkRetries QUICK_RETRIES = new NetworkRetries(2, Duration.ofMillis(10));

    private MagentoClient client(String key) {
        return client(key, QUICK_RETRIES);
    }

    private MagentoClient client(String key, NetworkRetries retries) {
        return new MagentoClient("shop1", "http://127.0.0.1:" + server.getAddress().getPort(), "odoo", key, http,
                Duration.ofSeconds(2), 100, 64 * 1024 * 1024, retries);
    }

    private List<String> sent(String method) {
        synchronized (received) {
            return received.stream().filter(c -> c.method().equals("call") && c.params().get(1).equals(method))
                    .map(c -> method).toList();
        }
    }

    private void then(Function<Call, Answer> answer) {
        synchronized (script) {
            script.add(answer);
        }
    }

    @Test
    void logsInOnceAndReusesTheSession() {
        MagentoClient client = client("odoo42");
        then(call -> Answer.ok(Map.of("customer_id", "99")));
        then(call -> Answer.ok(List.of("1", "2")));
        assertThat(client.call("customer.info", List.of(99))).isEqualTo(Map.of("customer_id", "99"));
        assertThat(client.call("ol_customer.search", List.of(Map.of()))).isEqualTo(List.of("1", "2"));
        assertThat(logins).isEqualTo(1);
        assertThat(received.get(1).params()).containsExactly("session1", "customer.info", List.of(99));
        client.close();
        assertThat(received.get(received.size() - 1)).isEqualTo(new Call("endSession", List.of("session1")));
    }

    @Test
    void anExpiredSessionLogsInAgainOnce() {
        MagentoClient client = client("odoo42");
        then(call -> Answer.ok("first"));
        then(call -> Answer.fault(5, "Session expired. Try to relogin."));
        then(call -> Answer.ok("after relogin"));
        assertThat(client.call("a.b", List.of())).isEqualTo("first");
        assertThat(client.call("a.b", List.of())).isEqualTo("after relogin");
        assertThat(logins).isEqualTo(2);
        assertThat(received.get(received.size() - 1).params().get(0)).isEqualTo("session2");
        then(call -> Answer.fault(5, "Session expired. Try to relogin."));
        then(call -> Answer.fault(5, "Session expired. Try to relogin."));
        assertThatThrownBy(() -> client.call("a.b", List.of())).isInstanceOf(MagentoException.class)
                .hasMessage("Backend shop1: a.b answered fault 5 (Session expired. Try to relogin.)");
    }

    @Test
    void aRefusedLoginNamesTheBackendAndNotTheKey() {
        assertThatThrownBy(() -> client("wrong-key-123").call("a.b", List.of())).isInstanceOf(MagentoException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop1: Magento refused the API user 'odoo' (fault 2 Access denied.); "
                        + "check the backend's username and API key")
                .hasMessageNotContaining("wrong-key-123");
    }

    @Test
    void missingRecordsAreRecordNotFound() {
        MagentoClient client = client("odoo42");
        for (int code : new int[] {100, 101, 102}) {
            then(call -> Answer.fault(code, "Not exists."));
            assertThatThrownBy(() -> client.call("customer.info", List.of(1))).isInstanceOf(RecordNotFoundException.class)
                    .hasMessage("Backend shop1: customer.info answered fault " + code
                            + " (Not exists.): the record no longer exists in Magento");
        }
        then(call -> Answer.fault(3, "Invalid api path."));
        assertThatThrownBy(() -> client.call("nope.info", List.of())).isExactlyInstanceOf(MagentoException.class)
                .hasMessage("Backend shop1: nope.info answered fault 3 (Invalid api path.)");
    }

    @Test
    void aReadIsSentAgainAfterPassingNetworkFaultsAndAWriteIsNot() {
        MagentoClient client = client("odoo42");
        then(call -> new Answer(503, "busy".getBytes()));
        then(call -> null);
        then(call -> Answer.ok(Map.of("customer_id", "99")));
        assertThat(client.call("customer.info", List.of(99))).isEqualTo(Map.of("customer_id", "99"));
        assertThat(sent("customer.info")).as("a 503, a reset, then the answer").hasSize(3);

        then(call -> new Answer(503, "busy".getBytes()));
        assertThatThrownBy(() -> client.call("customer.update", List.of(99, Map.of("firstname", "Jo"))))
                .isInstanceOf(RetryableJobException.class).hasMessage("Backend shop1: Magento answered HTTP 503 to customer.update");
        assertThat(sent("customer.update")).as("Magento may have run it: the job decides, not the client").hasSize(1);

        then(call -> null);
        then(call -> Answer.ok(List.of(Map.of("customer_id", "1"), List.of())));
        assertThat(client.multiCall(List.of(new MagentoClient.Call("customer.info", List.of(1)),
                new MagentoClient.Call("customer_address.list", List.of(1))))).containsExactly(Map.of("customer_id", "1"), List.of());
        then(call -> null);
        assertThatThrownBy(() -> client.multiCall(List.of(new MagentoClient.Call("customer.info", List.of(1)),
                new MagentoClient.Call("oerp_cataloginventory_stock_item.update", List.of(1, Map.of("qty", 2.0))))))
                .isInstanceOf(RetryableJobException.class).hasMessageContaining("for multiCall");
        long multiCalls = received.stream().filter(c -> c.method().equals("multiCall")).count();
        assertThat(multiCalls).as("the reads' multiCall twice, the one that writes once").isEqualTo(3);
    }

    @Test
    void aReadThatKeepsMeetingFaultsSaysHowManyTriesItTook() {
        MagentoClient client = client("odoo42");
        for (int i = 0; i < 3; i++) {
            then(call -> new Answer(503, "busy".getBytes()));
        }
        assertThatThrownBy(() -> client.call("customer.info", List.of(99))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop1: Magento answered HTTP 503 to customer.info (3 tries)");
        assertThat(sent("customer.info")).hasSize(3);
    }

    @Test
    void whatOnlyReadsIsToldByTheApiMethod() {
        assertThat(List.of("customer.info", "customer_address.list", "ol_customer.search", "catalog_category.tree",
                "sales_order_shipment.getCarriers", "sales_order.get_parent")).allMatch(MagentoClient::reads);
        assertThat(List.of("customer.update", "sales_order_invoice.create", "sales_order.addComment",
                "sales_order_shipment.addTrack", "catalog_product.delete", "unknown.thing")).noneMatch(MagentoClient::reads);
    }

    @Test
    void aNetworkFaultIsNotAnAnswerThatIsNotXmlRpc() {
        MagentoClient client = client("odoo42");
        then(call -> new Answer(200, "<html>Fatal error</html>".getBytes()));
        then(call -> Answer.ok(true));
        assertThatThrownBy(() -> client.call("customer.info", List.of(99))).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("is not XML-RPC");
        assertThat(sent("customer.info")).as("a PHP error page is the job's to retry, later").hasSize(1);
    }

    @Test
    void gatewayErrorsTimeoutsAndRefusedConnectionsAreRetryable() throws IOException {
        MagentoClient client = client("odoo42", NetworkRetries.NONE);
        then(call -> new Answer(503, "busy".getBytes()));
        assertThatThrownBy(() -> client.call("a.b", List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop1: Magento answered HTTP 503 to a.b");
        then(call -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.ok(true);
        });
        assertThatThrownBy(() -> client.call("slow.call", List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop1: Magento did not answer slow.call within 2 s");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MagentoClient nowhere = new MagentoClient("shop2", "http://127.0.0.1:" + closedPort, "odoo", "k", http, Duration.ofSeconds(2),
                100, 1024, QUICK_RETRIES);
        assertThatThrownBy(() -> nowhere.call("a.b", List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop2: cannot reach Magento at http://127.0.0.1:" + closedPort
                        + "/index.php/api/xmlrpc for login: ConnectException").hasMessageEndingWith("(3 tries)");
    }

    @Test
    void anAnswerThatIsNotXmlRpcQuotesItsStart() {
        MagentoClient client = client("odoo42");
        then(call -> new Answer(200, "<html><body>Fatal error: Allowed memory size exhausted</body></html>".getBytes()));
        assertThatThrownBy(() -> client.call("catalog_product.list", List.of())).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("Backend shop1: Magento's answer to catalog_product.list is not XML-RPC: Malformed")
                .hasMessageContaining("'<html><body>Fatal error: Allowed memory size exhausted</body></html>'");
        then(call -> new Answer(404, "Not Found".getBytes()));
        assertThatThrownBy(() -> client.call("a.b", List.of())).hasMessage("Backend shop1: Magento answered HTTP 404 to a.b at "
                + client.endpoint() + "; the response starts with: 'Not Found'");
    }

    @Test
    void multiCallReturnsFailedItemsInPlace() {
        MagentoClient client = client("odoo42");
        then(call -> Answer.ok(List.of(Map.of("customer_id", "1"),
                Map.of("isFault", true, "faultCode", 102, "faultMessage", "Customer not exists."))));
        List<Object> results = client.multiCall(List.of(new MagentoClient.Call("customer.info", List.of(1)),
                new MagentoClient.Call("customer.info", List.of(2))));
        assertThat(results.get(0)).isEqualTo(Map.of("customer_id", "1"));
        assertThat(results.get(1)).isInstanceOf(RecordNotFoundException.class);
        assertThat(received.get(1).params().get(1)).isEqualTo(List.of(List.of("customer.info", List.of(1)),
                List.of("customer.info", List.of(2))));
    }

    @Test
    void trailingNullArgumentsAreNotSent() {
        MagentoClient client = client("odoo42");
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList("879", null, null));
        client.call("ol_catalog_product.info", args);
        assertThat(received.get(1).params().get(2)).isEqualTo(List.of("879"));
    }

    @Test
    void theEndpointFollowsTheLocation() {
        assertThat(MagentoClient.endpoint("s", "https://shop.example.com/").toString())
                .isEqualTo("https://shop.example.com/index.php/api/xmlrpc");
        assertThat(MagentoClient.endpoint("s", "https://shop.example.com/custom/api/xmlrpc").toString())
                .isEqualTo("https://shop.example.com/custom/api/xmlrpc");
        assertThatThrownBy(() -> MagentoClient.endpoint("s", "ftp://x")).hasMessageStartingWith("Backend s has an invalid location 'ftp://x'");
        assertThatThrownBy(() -> MagentoClient.endpoint("s", " ")).hasMessage("Backend s has no location");
    }
}
