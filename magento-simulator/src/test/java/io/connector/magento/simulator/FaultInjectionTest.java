package io.connector.magento.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connector.magento.simulator.FaultInjection.HttpFault;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcException;

/** Each injected fault, as a plain java.net.http client meets it. */
class FaultInjectionTest {

    private static final byte[] LOGIN = XmlRpcCodec.encodeCall("login", List.of("odoo", "odoo42"));

    private static MagentoSimulator magento;
    private static XmlRpcClient client;

    @BeforeAll
    static void start() {
        magento = MagentoSimulator.builder().generate(GeneratorSpec.of(5, 5, 3)).start();
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
    void latencyDelaysEachAnswer() throws Exception {
        client.login();
        magento.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(client.login()).hasSize(32);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void scripted503sFailExactlyTheNextRequestsWithoutRunningThem() throws Exception {
        magento.faults().failNextWith503(2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> response = client.post(LOGIN);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("503 Service Temporarily Unavailable");
        }
        assertThat(client.post(LOGIN).statusCode()).isEqualTo(200);
        assertThat(magento.calls()).as("the refused calls never ran").hasSize(1);
        assertThat(magento.faults().injected(HttpFault.SERVICE_UNAVAILABLE)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aResetClosesTheConnectionWithoutAnAnswer() throws Exception {
        magento.faults().failNext(1, HttpFault.CONNECTION_RESET);
        assertThatThrownBy(() -> client.post(LOGIN)).isInstanceOf(IOException.class);
        assertThat(client.post(LOGIN).statusCode()).isEqualTo(200);
        assertThat(magento.calls()).hasSize(1);
    }

    @Test
    void aMalformedBodyIsNotXmlButTheCallRan() throws Exception {
        magento.faults().failNext(1, HttpFault.MALFORMED_BODY);
        HttpResponse<byte[]> response = client.post(LOGIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(response.body())).isInstanceOf(XmlRpcException.class);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Fatal error");
        assertThat(magento.calls()).extracting(RecordedCall::method).containsExactly("login");
    }

    @Test
    void aTruncatedBodyEndsTooEarly() throws Exception {
        magento.faults().failNext(1, HttpFault.TRUNCATED_BODY);
        HttpResponse<byte[]> response = client.post(LOGIN);
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] whole = client.post(LOGIN).body();
        assertThat(response.body().length).isEqualTo(whole.length / 2);
        assertThatThrownBy(() -> XmlRpcCodec.decodeResponse(response.body())).isInstanceOf(XmlRpcException.class);
    }

    @Test
    void sharesFailAboutThatShareAndTheSameOnesForTheSameSeed() throws Exception {
        List<String> first = outcomes(200);
        List<String> second = outcomes(200);
        assertThat(second).isEqualTo(first);
        long unavailable = first.stream().filter("503"::equals).count();
        long resets = first.stream().filter("reset"::equals).count();
        long malformed = first.stream().filter("malformed"::equals).count();
        long truncated = first.stream().filter("truncated"::equals).count();
        long fine = first.stream().filter("ok"::equals).count();
        assertThat(unavailable).isBetween(20L, 60L);
        assertThat(resets).isBetween(5L, 40L);
        assertThat(malformed).isBetween(5L, 40L);
        assertThat(truncated).isBetween(5L, 40L);
        assertThat(unavailable + resets + malformed + truncated + fine).isEqualTo(200);
    }

    private List<String> outcomes(int requests) throws Exception {
        magento.faults().clear().seed(7).serviceUnavailable(0.2).connectionResets(0.1).malformedBodies(0.1).truncatedBodies(0.1);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<byte[]> response;
            try {
                response = client.post(LOGIN);
            } catch (IOException e) {
                outcomes.add("reset");
                continue;
            }
            if (response.statusCode() == 503) {
                outcomes.add("503");
                continue;
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            outcomes.add(body.contains("Fatal error") ? "malformed" : body.endsWith("</methodResponse>") ? "ok" : "truncated");
        }
        magento.faults().clear();
        return outcomes;
    }

    @Test
    void sharesAreCheckedAndClearTurnsEverythingOff() {
        assertThatThrownBy(() -> magento.faults().serviceUnavailable(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> magento.faults().expireSessionsAfterCalls(-1)).isInstanceOf(IllegalArgumentException.class);
        magento.faults().latencyMillis(5).serviceUnavailable(1).expireSessionsAfterCalls(3).failNextWith503(4).clear();
        assertThat(magento.faults().latencyMillis()).isZero();
        assertThat(magento.faults().sessionCallLimit()).isZero();
        assertThat(magento.faults().next()).isEqualTo(HttpFault.NONE);
    }

    @Test
    void aClientRecoversFromFault5ByLoggingInAgain() throws Exception {
        magento.faults().expireSessionsAfterCalls(1);
        String session = client.login();
        assertThat(client.call(session, "ol_websites.search", Map.of())).asList().contains("0", "1");
        assertThat(client.fault(session, "ol_websites.search", Map.of()).code()).isEqualTo(5);
        assertThat(client.call(client.login(), "ol_websites.search", Map.of())).asList().contains("0", "1");
    }

    @Test
    void theFaultsAnsweredOnPurposeAreCountedByKind() throws Exception {
        magento.resetCallCounts();
        magento.faults().failNext(2, HttpFault.SERVICE_UNAVAILABLE).failNext(1, HttpFault.TRUNCATED_BODY).expireSessionsAfterCalls(1);
        client.post(LOGIN);
        client.post(LOGIN);
        client.post(LOGIN);
        String session = client.login();
        client.call(session, "ol_websites.search", Map.of());
        client.fault(session, "ol_websites.search", Map.of());
        CallCounts counts = magento.callCounts();
        assertThat(counts.faults()).containsExactly(Map.entry("SERVICE_UNAVAILABLE", 2L),
                Map.entry(CallCounts.SESSION_EXPIRED, 1L), Map.entry("TRUNCATED_BODY", 1L));
        assertThat(counts.fault("CONNECTION_RESET")).isZero();
    }
}
