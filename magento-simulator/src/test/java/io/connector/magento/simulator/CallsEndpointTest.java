package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /calls and POST /calls/clear: what a test in another JVM reads of the calls the shop was sent. */
class CallsEndpointTest {

    private MagentoSimulator magento;
    private XmlRpcClient client;
    private JsonClient http;

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

    @Test
    void theCallsComeInOrderWithTheirXmlRpcTypesAndFaults() throws Exception {
        String session = client.login();
        Map<String, Object> quantities = new LinkedHashMap<>();
        quantities.put("598", 1.0);
        client.call(session, "sales_order_invoice.create", "145000008", quantities, "Invoice Created", true, false);
        client.fault(session, "sales_order.info", "42");
        client.invoke("endSession", session);

        JsonClient.Answer answer = http.get("/calls");
        assertThat(answer.status()).isEqualTo(200);
        // Raw text: a double stays a double (1.0, not 1), a success has a null faultCode.
        assertThat(answer.body()).contains("{\"method\":\"sales_order_invoice.create\",\"args\":[\"145000008\",{\"598\":1.0},"
                + "\"Invoice Created\",true,false],\"faultCode\":null}");
        JsonNode calls = answer.json();
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).get("method").asText()).isEqualTo("login");
        assertThat(calls.get(0).get("args")).isEmpty();
        assertThat(answer.body()).doesNotContain("odoo42").doesNotContain("\"odoo\"");
        JsonNode invoice = calls.get(1);
        assertThat(invoice.get("args")).isEqualTo(JsonClient.parse("[\"145000008\", {\"598\": 1.0}, \"Invoice Created\", true, false]"));
        assertThat(invoice.get("args").get(1).get("598").isDouble()).isTrue();
        assertThat(invoice.get("faultCode").isNull()).isTrue();
        assertThat(calls.get(2).get("method").asText()).isEqualTo("sales_order.info");
        assertThat(calls.get(2).get("faultCode").isInt()).isTrue();
        assertThat(calls.get(2).get("faultCode").asInt()).isEqualTo(100);
        assertThat(calls.get(3).get("method").asText()).isEqualTo("endSession");
        assertThat(calls.get(3).fieldNames()).toIterable().containsExactly("method", "args", "faultCode");
    }

    @Test
    void everyXmlRpcTypeHasItsJsonForm() throws Exception {
        String session = client.login();
        Map<String, Object> struct = new LinkedHashMap<>();
        struct.put("int", 879);
        struct.put("double", 333.0);
        struct.put("fraction", 12.5);
        struct.put("true", true);
        struct.put("nil", null);
        struct.put("text", "30");
        struct.put("list", list(1, "2", list()));
        client.call(session, "oerp_cataloginventory_stock_item.update", 879, struct);
        client.call(session, "sales_order.search", list(LocalDateTime.of(2017, 6, 30, 12, 48, 31), new byte[] {1, 2, 3}));

        JsonNode calls = http.get("/calls?method=oerp_cataloginventory_stock_item.update").json();
        assertThat(calls).hasSize(1);
        JsonNode args = calls.get(0).get("args");
        assertThat(args.get(0).isInt()).isTrue();
        JsonNode data = args.get(1);
        assertThat(data.get("int").isInt()).isTrue();
        assertThat(data.get("double").isDouble()).isTrue();
        assertThat(data.get("double").asDouble()).isEqualTo(333.0);
        assertThat(data.get("fraction").asDouble()).isEqualTo(12.5);
        assertThat(data.get("true").isBoolean()).isTrue();
        assertThat(data.get("nil").isNull()).isTrue();
        assertThat(data.get("text").isTextual()).isTrue();
        assertThat(data.get("list")).isEqualTo(JsonClient.parse("[1, \"2\", []]"));
        assertThat(http.get("/calls?method=oerp_cataloginventory_stock_item.update").body()).contains("\"double\":333.0");

        JsonNode search = http.get("/calls?method=sales_order.search").json().get(0).get("args").get(0);
        assertThat(search.get(0).asText()).isEqualTo("20170630T12:48:31");
        assertThat(search.get(1).asText()).isEqualTo("AQID");
    }

    @Test
    void aMethodFilterKeepsThoseMethodsAndMultiCallItemsCountEach() throws Exception {
        String session = client.login();
        client.invoke("multiCall", session, list(list("customer.info", list(136)), list("customer.info", list(4242)),
                list("customer_address.list", list(136))));
        JsonNode infos = http.get("/calls?method=customer.info").json();
        assertThat(infos).hasSize(2);
        assertThat(infos.get(0).get("args")).isEqualTo(JsonClient.parse("[136]"));
        assertThat(infos.get(0).get("faultCode").isNull()).isTrue();
        assertThat(infos.get(1).get("faultCode").asInt()).isEqualTo(102);
        assertThat(http.get("/calls?method=customer.info&method=customer_address.list").json()).hasSize(3);
        assertThat(http.get("/calls?method=sales_order.info").json()).isEmpty();
        assertThat(http.get("/calls").json()).hasSize(4);
    }

    @Test
    void clearingEmptiesTheListAndSaysHowManyItHeld() throws Exception {
        String session = client.login();
        client.call(session, "customer.info", 136);
        JsonClient.Answer cleared = http.post("/calls/clear");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("cleared").asInt()).isEqualTo(2);
        assertThat(http.get("/calls").json()).isEmpty();
        assertThat(magento.calls()).isEmpty();
        client.call(session, "customer.info", 136);
        assertThat(http.get("/calls").json()).hasSize(1);
    }

    @Test
    void wrongMethodsAndPathsAreRefusedWithAMessage() throws Exception {
        JsonClient.Answer post = http.post("/calls");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("error").asText()).contains("GET /calls");
        assertThat(http.get("/calls/clear").status()).isEqualTo(405);
        assertThat(http.get("/calls/other").status()).isEqualTo(404);
    }

    @Test
    void withoutRecordingTheEndpointSaysSoRatherThanAnEmptyList() throws Exception {
        try (MagentoSimulator quiet = MagentoSimulator.builder().recordCalls(false).start()) {
            XmlRpcClient quietClient = new XmlRpcClient(quiet.endpoint());
            quietClient.login();
            JsonClient quietHttp = new JsonClient(quiet.url());
            JsonClient.Answer answer = quietHttp.get("/calls");
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("error").asText()).contains("does not record calls", "--record-calls", "recordCalls(true)");
            assertThat(quietHttp.post("/calls/clear").status()).isEqualTo(409);
            assertThat(quiet.recordsCalls()).isFalse();
            assertThat(quiet.calls()).isEmpty();
            // The counts do not depend on it.
            assertThat(quiet.callCounts().method("login")).isEqualTo(1);
        }
        assertThat(magento.recordsCalls()).isTrue();
    }
}
