package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/** Sessions, faults and multiCall, as a client sees them over HTTP. */
class ProtocolTest {

    private static MagentoSimulator magento;
    private static XmlRpcClient client;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.builder().user("odoo").apiKey("odoo42").seedFromCassettes(CassetteReplayTest.cassettes()).start();
        client = new XmlRpcClient(magento.endpoint());
    }

    @AfterAll
    static void stop() {
        magento.stop();
    }

    @BeforeEach
    void reset() {
        magento.faults().clear();
        magento.clearCalls();
    }

    @Test
    void listensOnLoopbackAtMagentosPath() {
        assertThat(magento.url()).isEqualTo("http://127.0.0.1:" + magento.port());
        assertThat(magento.endpoint()).isEqualTo(magento.url() + "/index.php/api/xmlrpc");
        assertThat(magento.port()).isPositive();
    }

    @Test
    void answersEveryMethodTheConnectorReads() {
        assertThat(magento.apiPaths()).contains("ol_websites.search", "ol_websites.info", "ol_groups.search", "ol_groups.info",
                "ol_storeviews.search", "ol_storeviews.info", "ol_customer_groups.list", "ol_customer_groups.info", "ol_customer.search",
                "customer.info", "customer_address.list", "customer_address.info", "catalog_category.tree", "catalog_category.info",
                "oerp_catalog_category.search", "catalog_product.list", "ol_catalog_product.info", "product_media.list",
                "sales_order.search", "sales_order.info");
    }

    @Test
    void loginAnswersA32HexSessionAndRefusesWrongCredentialsWithFault2() throws Exception {
        assertThat(client.login()).matches("[0-9a-f]{32}");
        assertThat(client.login()).isNotEqualTo(client.login());
        assertThatThrownBy(() -> client.login("odoo", "wrong")).isInstanceOfSatisfying(XmlRpcFault.class, f -> {
            assertThat(f.code()).isEqualTo(2);
            assertThat(f.faultString()).isEqualTo("Access denied.");
        });
        assertThatThrownBy(() -> client.invoke("login")).isInstanceOfSatisfying(XmlRpcFault.class, f -> assertThat(f.code()).isEqualTo(2));
    }

    @Test
    void anUnknownSessionIsFault5() throws Exception {
        XmlRpcFault fault = client.fault("0123456789abcdef0123456789abcdef", "customer.info", 136);
        assertThat(fault.code()).isEqualTo(5);
        assertThat(fault.faultString()).isEqualTo("Session expired. Try to relogin.");
    }

    @Test
    void endSessionAnswersTrueAndEndsTheSession() throws Exception {
        String session = client.login();
        assertThat(client.invoke("endSession", session)).isEqualTo(true);
        assertThat(client.fault(session, "customer.info", 136).code()).isEqualTo(5);
        assertThat(client.invoke("endSession", "not-a-session")).isEqualTo(true);
    }

    @Test
    void sessionsExpireAfterTheConfiguredNumberOfCallsUntilANewLogin() throws Exception {
        magento.faults().expireSessionsAfterCalls(2);
        String session = client.login();
        client.call(session, "customer.info", 136);
        client.call(session, "customer.info", 136);
        assertThat(client.fault(session, "customer.info", 136).code()).isEqualTo(5);
        assertThat(client.fault(session, "customer.info", 136).code()).as("still expired").isEqualTo(5);
        String again = client.login();
        assertThat(((Map<?, ?>) client.call(again, "customer.info", 136)).get("email")).isEqualTo("janedoe@example.com");
    }

    @Test
    void expireSessionsForgetsEveryOpenSession() throws Exception {
        String session = client.login();
        magento.expireSessions();
        assertThat(client.fault(session, "ol_websites.search", Map.of()).code()).isEqualTo(5);
    }

    @Test
    void anUnknownApiPathIsFault3() throws Exception {
        String session = client.login();
        XmlRpcFault fault = client.fault(session, "customer.nothing", 1);
        assertThat(fault.code()).isEqualTo(3);
        assertThat(fault.faultString()).isEqualTo("Invalid api path.");
        assertThat(client.fault(session, "nothing_at_all.info", 1).code()).isEqualTo(3);
    }

    @Test
    void anUnknownXmlRpcMethodAndAnUnreadableBodyAreFaults() throws Exception {
        assertThatThrownBy(() -> client.invoke("system.listMethods")).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> assertThat(f.code()).isEqualTo(MagentoApi.NO_SUCH_METHOD));
        byte[] answer = client.post("<methodCall><methodName>login".getBytes(StandardCharsets.UTF_8)).body();
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(answer)).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> assertThat(f.code()).isEqualTo(MagentoApi.UNPARSABLE_REQUEST));
    }

    @Test
    void missingRecordsAnswerMagentosFaults() throws Exception {
        String session = client.login();
        assertThat(client.fault(session, "sales_order.info", "999999999").code()).isEqualTo(100);
        assertThat(client.fault(session, "ol_catalog_product.info", 999999, null, null, "id").code()).isEqualTo(101);
        assertThat(client.fault(session, "customer.info", 999999).code()).isEqualTo(102);
        assertThat(client.fault(session, "customer_address.info", 999999).code()).isEqualTo(102);
        assertThat(client.fault(session, "catalog_category.info", 999999).code()).isEqualTo(102);
        assertThat(client.fault(session, "product_media.list", 999999, null, "id").code()).isEqualTo(101);
        assertThat(client.fault(session, "ol_websites.info", 99).code()).isEqualTo(100);
        assertThat(client.fault(session, "catalog_category.info", 13, "klingon").code()).as("unknown store view").isEqualTo(100);
    }

    @Test
    void trailingNilArgumentsMayBeLeftOut() throws Exception {
        String session = client.login();
        Map<?, ?> full = (Map<?, ?>) client.call(session, "ol_catalog_product.info", 879, null, null, "id");
        Map<?, ?> shortened = (Map<?, ?>) client.call(session, "ol_catalog_product.info", 879);
        assertThat(shortened).isEqualTo(full);
        assertThat(client.invoke("call", session, "ol_websites.search")).isEqualTo(List.of("0", "1"));
    }

    @Test
    void multiCallAnswersEachItemAndAFailedOneAsAFaultStruct() throws Exception {
        String session = client.login();
        Object result = client.invoke("multiCall", session, list(
                list("customer.info", list(136)),
                list("customer.info", list(999999)),
                list("no_such.method", list()),
                list("ol_customer_groups.info", list(1))));
        assertThat(result).asList().hasSize(4);
        List<?> items = (List<?>) result;
        assertThat(((Map<?, ?>) items.get(0)).get("customer_id")).isEqualTo("136");
        assertThat(XmlRpcClient.struct(items.get(1))).containsEntry("isFault", true).containsEntry("faultCode", "102")
                .containsEntry("faultMessage", "Customer not exists.");
        assertThat(XmlRpcClient.struct(items.get(2))).containsEntry("isFault", true).containsEntry("faultCode", "3");
        assertThat(((Map<?, ?>) items.get(3)).get("customer_group_code")).isEqualTo("General");

        Object stopped = client.invoke("multiCall", session, list(list("customer.info", list(999999)), list("customer.info", list(136))),
                Map.of("break", true));
        assertThat(stopped).asList().hasSize(1);
        assertThatThrownBy(() -> client.invoke("multiCall", "expired", list())).isInstanceOfSatisfying(XmlRpcFault.class,
                f -> assertThat(f.code()).isEqualTo(5));
    }

    @Test
    void callsAreRecordedWithMethodArgumentsSessionAndOutcome() throws Exception {
        String session = client.login();
        client.call(session, "customer.info", 136);
        client.fault(session, "customer.info", 4242);
        List<RecordedCall> calls = magento.calls();
        assertThat(calls).extracting(RecordedCall::method).containsExactly("login", "customer.info", "customer.info");
        assertThat(calls.get(0).args()).containsExactly("odoo");
        assertThat(calls.get(1).args()).containsExactly(136);
        assertThat(calls.get(1).session()).isEqualTo(session);
        assertThat(calls.get(1).faulted()).isFalse();
        assertThat(calls.get(2).faultCode()).isEqualTo(102);
        assertThat(calls.get(1).time()).isNotNull();
        assertThat(magento.calls("customer.info")).hasSize(2);
        magento.clearCalls();
        assertThat(magento.calls()).isEmpty();
    }

    @Test
    void roundTripsMethodsAndPathsAreCountedAndResetOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        post(http, "/stats/reset");
        String session = client.login();
        client.call(session, "customer.info", 136);
        client.invoke("multiCall", session, list(list("customer.info", list(136)), list("customer_address.list", list(136))));
        client.invoke("endSession", session);

        CallCounts counts = magento.callCounts();
        assertThat(counts.requests()).isEqualTo(4);
        assertThat(counts.methods()).containsExactly(Map.entry("call", 1L), Map.entry("endSession", 1L), Map.entry("login", 1L),
                Map.entry("multiCall", 1L));
        assertThat(counts.path("customer.info")).isEqualTo(2);
        assertThat(counts.path("customer_address.list")).isEqualTo(1);

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(magento.url() + "/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"requests\":4", "\"customer.info\":2");
        HttpResponse<String> reset = post(http, "/stats/reset");
        assertThat(reset.body()).contains("\"requests\":4");
        assertThat(magento.callCounts().requests()).isZero();
        assertThat(magento.callCounts().paths()).isEmpty();
    }

    private static HttpResponse<String> post(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(magento.url() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGetIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(magento.endpoint())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }
}
