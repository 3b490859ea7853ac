package io.connector.magento.v17.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a shop that misbehaves on the wire, written byte by byte on a raw socket: it
 * logs the client in, then answers the next call with its trick. Every call ends within its
 * timeout and reads at most its limit; what went wrong is said in printable text.
 */
class HostileShopTest {

    /** What the shop does with the call after the login, on the connection's output. */
    @FunctionalInterface
    interface Trick {
        void answer(OutputStream out) throws Exception;
    }

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ServerSocket server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    private MagentoClient shop(Trick trick, Duration timeout, long maxAnswerBytes) throws IOException {
        ServerSocket listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server = listening;
        threads.submit(() -> {
            int requests = 0;
            while (!listening.isClosed()) {
                try (Socket socket = listening.accept()) {
                    // One request a connection at most matters here: the login, then the trick.
                    while (true) {
                        readRequest(socket.getInputStream());
                        OutputStream out = socket.getOutputStream();
                        if (requests++ == 0) {
                            byte[] body = XmlRpcCodec.encodeResponse("session1");
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            out.write(body);
                            out.flush();
                        } else {
                            trick.answer(out);
                            out.flush();
                            break;
                        }
                    }
                } catch (Exception e) {
                    // the client gave up on this connection: what the test wants
                }
            }
            return null;
        });
        // Each trick is met once: a read sent again would meet it again, which MagentoClientTest shows.
        return new MagentoClient("shop1", "http://127.0.0.1:" + listening.getLocalPort(), "odoo", "odoo42", http, timeout, 100,
                maxAnswerBytes, NetworkRetries.NONE);
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(headers.substring(at + 15, headers.indexOf('\r', at)).trim());
        in.readNBytes(length);
    }

    private static void headers(OutputStream out, String extra) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
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
    void headersThenNothingEndsWithinTheTimeoutAsRetryable() throws Exception {
        MagentoClient client = shop(out -> {
            headers(out, "Content-Length: 1000\r\n");
            Thread.sleep(60_000);
        }, Duration.ofSeconds(1), MagentoSettingsLimits.MB);
        long took = timed(() -> assertThatThrownBy(() -> client.call("customer.info", List.of(1)))
                .isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop1: Magento did not answer customer.info within 1 s (" + client.endpoint() + ")"));
        assertThat(took).as("bounded by the timeout, not by the shop").isLessThan(5_000);
    }

    @Test
    void aBodyOneByteASecondEndsWithinTheTimeout() throws Exception {
        byte[] body = XmlRpcCodec.encodeResponse("a long answer");
        MagentoClient client = shop(out -> {
            headers(out, "Content-Length: " + body.length + "\r\n");
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(1_000);
            }
        }, Duration.ofSeconds(2), MagentoSettingsLimits.MB);
        long took = timed(() -> assertThatThrownBy(() -> client.call("customer.info", List.of(1)))
                .isInstanceOf(RetryableJobException.class).hasMessageContaining("did not answer customer.info within 2 s"));
        assertThat(took).isLessThan(6_000);
    }

    @Test
    void anAnswerOverTheLimitIsRefusedAsItArrivesAnnouncedOrNot() throws Exception {
        MagentoClient announced = shop(out -> headers(out, "Content-Length: 3000000000\r\n"), Duration.ofSeconds(5),
                MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> announced.call("catalog_product.list", List.of())).isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop1: Magento's answer to catalog_product.list is larger than 1 MB, the limit (option "
                        + "answer.max.mb)");
        server.close();

        MagentoClient streamed = shop(out -> {
            headers(out, "Transfer-Encoding: chunked\r\n");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 100; i++) { // 6.4 MB, never announced
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }, Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> streamed.call("catalog_product.list", List.of())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("larger than 1 MB");
    }

    private static Trick body(byte[] body) {
        return out -> {
            headers(out, "Content-Length: " + body.length + "\r\n");
            out.write(body);
        };
    }

    @Test
    void deeplyNestedArraysAreAClearErrorNotAStackOverflow() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><methodResponse><params><param>");
        int depth = 200_000;
        xml.append("<value><array><data>".repeat(depth)).append("</data></array></value>".repeat(depth));
        xml.append("</param></params></methodResponse>");
        MagentoClient client = shop(body(xml.toString().getBytes(StandardCharsets.UTF_8)), Duration.ofSeconds(10), 64 * MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> client.call("customer.info", List.of(1))).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("is not XML-RPC").hasMessageContaining("nested deeper than 64 structs or arrays");
    }

    @Test
    void randomBytesAreQuotedAsPrintableTextOnly() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        MagentoClient client = shop(body(noise), Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> client.call("customer.info", List.of(1))).isInstanceOf(RetryableJobException.class)
                .satisfies(e -> assertThat(e.getMessage().codePoints().noneMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)))
                        .as("no control character in: " + e.getMessage()).isTrue());
    }

    @Test
    void anAnswerCutShortIsATransientFault() throws Exception {
        byte[] whole = XmlRpcCodec.encodeResponse(List.of("1", "2", "3"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        MagentoClient closedEarly = shop(out -> {
            headers(out, "Content-Length: " + whole.length + "\r\n");
            out.write(cut);
        }, Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> closedEarly.call("customer.list", List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("customer.list");
        server.close();

        MagentoClient unterminated = shop(body(cut), Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> unterminated.call("customer.list", List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("Magento's answer to customer.list was cut short after " + cut.length + " bytes");
    }

    @Test
    void aPhpFatalErrorPageIsRetriedQuotingIt() throws Exception {
        byte[] page = "<br />\n<b>Fatal error</b>:  Allowed memory size of 134217728 bytes exhausted".getBytes(StandardCharsets.UTF_8);
        MagentoClient asOk = shop(body(page), Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> asOk.call("sales_order.info", List.of("100000201"))).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("is not XML-RPC").hasMessageContaining("Fatal error");
        server.close();

        MagentoClient as500 = shop(out -> {
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + page.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(page);
        }, Duration.ofSeconds(5), MagentoSettingsLimits.MB);
        assertThatThrownBy(() -> as500.call("sales_order.info", List.of("100000201"))).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("Fatal error");
    }

    /** Sizes for the tests. */
    private static final class MagentoSettingsLimits {
        static final long MB = 1024 * 1024;
    }
}
