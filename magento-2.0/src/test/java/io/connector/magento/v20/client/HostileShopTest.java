package io.connector.magento.v20.client;

import static io.connector.magento.v20.client.ScriptedShop.raw;
import static io.connector.magento.v20.client.ScriptedShop.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.http.NetworkRetries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a shop that misbehaves on the wire: every call ends within its timeout,
 * reads at most its limit, and says what went wrong in printable text.
 */
class HostileShopTest {

    private static final String TOKEN = "s3cr3tt0k3n0123456789abcdefghijk";
    private static final long MB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScriptedShop shop;

    HostileShopTest() throws IOException {
        shop = new ScriptedShop();
    }

    @AfterEach
    void stop() throws IOException {
        shop.close();
    }

    /** Each trick is met once: a GET sent again would meet the next answer, which AnswerMappingTest shows. */
    private Magento2Client client(Duration timeout, long maxAnswerBytes) {
        return new Magento2Client("shop2", shop.location(), TOKEN, http, timeout, maxAnswerBytes, NetworkRetries.NONE);
    }

    private static ScriptedShop.Answer body(String contentType, byte[] body) {
        return status(200, contentType, body);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (RuntimeException e) {
            // asserted by the caller
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void headersThenNothingEndsWithinTheTimeoutAsRetryable() {
        shop.then(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
                (socket, out) -> Thread.sleep(60_000)));
        Magento2Client client = client(Duration.ofSeconds(1), MB);
        long took = timed(() -> assertThatThrownBy(() -> client.get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento did not answer GET orders/9 within 1 s (" + client.base() + ")"));
        assertThat(took).as("bounded by the timeout, not by the shop").isLessThan(5_000);
    }

    @Test
    void aBodyOneByteASecondEndsWithinTheTimeout() {
        byte[] answer = "{\"id\":9,\"increment_id\":\"000000009\"}".getBytes(StandardCharsets.UTF_8);
        shop.then(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length + "\r\n\r\n",
                (socket, out) -> {
                    for (byte b : answer) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1_000);
                    }
                }));
        Magento2Client client = client(Duration.ofSeconds(2), MB);
        long took = timed(() -> assertThatThrownBy(() -> client.get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class).hasMessageContaining("did not answer GET orders/9 within 2 s"));
        assertThat(took).isLessThan(6_000);
    }

    @Test
    void anAnswerOverTheLimitIsRefusedAsItArrivesAnnouncedOrNot() {
        shop.then(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3000000000\r\n\r\n", (socket, out) -> {
        }));
        Magento2Client client = client(Duration.ofSeconds(5), MB);
        assertThatThrownBy(() -> client.get(RestPath.of("products"), SearchCriteria.all())).isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento's answer to GET products is larger than 1 MB, the limit (option answer.max.mb)");

        shop.then(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", (socket, out) -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 100; i++) { // 6.4 MB, never announced
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }));
        assertThatThrownBy(() -> client.get(RestPath.of("products"), SearchCriteria.all())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("larger than 1 MB");
    }

    @Test
    void deeplyNestedJsonIsAClearErrorNotAStackOverflow() {
        int depth = 200_000;
        byte[] nested = ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
        shop.then(body("application/json", nested));
        assertThatThrownBy(() -> client(Duration.ofSeconds(10), 64 * MB).get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop2: Magento's answer to GET orders/9 is nested deeper than 64 objects or arrays");
    }

    @Test
    void nestingAsDeepAsTheBoundIsRead() {
        String object = "{\"a\":".repeat(63) + "[1]" + "}".repeat(63);
        shop.then(body("application/json", object.getBytes(StandardCharsets.US_ASCII)));
        Object value = client(Duration.ofSeconds(5), MB).get(RestPath.of("orders/{}", 9));
        for (int i = 0; i < 63; i++) {
            value = ((Map<?, ?>) value).get("a");
        }
        assertThat(value).isEqualTo(List.of(1));
    }

    @Test
    void aPhpFatalErrorPageIsRetriedQuotingIt() {
        shop.then(body("text/html", "<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted"
                .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop2: Magento's answer to GET orders/9 is not JSON (Unexpected character ('<'")
                .hasMessageEndingWith("it starts with: '<br /> <b>Fatal error</b>: Allowed memory size of 134217728 bytes exhausted'");
    }

    @Test
    void aPhpNoticeAfterTheJsonMakesItNotJson() {
        shop.then(body("application/json", "{\"id\":9}\n<b>Notice</b>: Undefined index".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class).hasMessageContaining("is not JSON");
    }

    @Test
    void randomBytesAreQuotedAsPrintableTextOnly() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = '"'; // a string, so that the parser reads on into the noise
        shop.then(body("application/json", noise));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("orders/{}", 9)))
                .isInstanceOf(RetryableJobException.class)
                .satisfies(e -> assertThat(e.getMessage().codePoints().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)))
                        .as("no control character in: " + e.getMessage()).isTrue());
    }

    @Test
    void anAnswerCutShortIsAPassingFaultAndAGetIsAskedAgain() {
        byte[] whole = "{\"items\":[{\"id\":1},{\"id\":2},{\"id\":3}],\"total_count\":3}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        shop.then(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + whole.length + "\r\n\r\n",
                (socket, out) -> out.write(cut)));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("customers/search"), SearchCriteria.all()))
                .isInstanceOf(RetryableJobException.class).hasMessageContaining("GET customers/search");

        shop.then(body("application/json", cut));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("customers/search"), SearchCriteria.all()))
                .isInstanceOf(RetryableJobException.class)
                .hasMessageStartingWith("Backend shop2: Magento's answer to GET customers/search was cut short after " + cut.length
                        + " bytes");

        shop.then(body("application/json", " \r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> client(Duration.ofSeconds(5), MB).get(RestPath.of("customers/search"), SearchCriteria.all()))
                .isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop2: Magento's answer to GET customers/search was cut short after 3 bytes (it holds no JSON)");

        shop.then(body("application/json", cut), body("application/json", whole));
        Magento2Client retrying = new Magento2Client("shop2", shop.location(), TOKEN, http, Duration.ofSeconds(5), MB,
                new NetworkRetries(1, Duration.ofMillis(10)));
        assertThat(retrying.get(RestPath.of("customers/search"), SearchCriteria.all())).isEqualTo(Map.of("items",
                List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)), "total_count", 3));
        assertThat(shop.received()).hasSize(5);
    }
}
