package io.connector.magento.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.http.NetworkRetries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image download against a tiny local shop: each answer a shop may give, and the bounds. */
class ImageDownloaderTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    private static final String PRODUCT = "magento.product.product 12";

    private HttpServer server;
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private ImageDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/media/", this::answer);
        server.start();
        downloader = new ImageDownloader(ImageHttp.newClient(), "shop", Duration.ofSeconds(2), 1000,
                new NetworkRetries(2, Duration.ofMillis(20)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String file) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/media/" + file;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String file = exchange.getRequestURI().getPath().substring("/media/".length());
        hits.merge(file, 1, Integer::sum);
        switch (file) {
            case "a.jpg" -> send(exchange, 200, "image/jpeg", JPEG);
            case "gone.jpg" -> send(exchange, 404, "text/html", "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8));
            case "broken.jpg" -> send(exchange, 500, "text/html", "Fatal error: out of memory".getBytes(StandardCharsets.UTF_8));
            case "forbidden.jpg" -> send(exchange, 403, "text/html", "Forbidden".getBytes(StandardCharsets.UTF_8));
            case "page.jpg" -> send(exchange, 200, "image/jpeg", "<html>Notice: undefined index</html>".getBytes(StandardCharsets.UTF_8));
            case "big.jpg" -> {
                byte[] big = new byte[5000];
                System.arraycopy(JPEG, 0, big, 0, 4);
                send(exchange, 200, "image/jpeg", big);
            }
            case "flaky.jpg" -> {
                if (unavailable.getAndIncrement() < 2) {
                    send(exchange, 503, "text/html", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, "image/jpeg", JPEG);
                }
            }
            case "down.jpg" -> send(exchange, 503, "text/html", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
            case "slow.jpg" -> {
                exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
                exchange.sendResponseHeaders(200, JPEG.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (byte b : JPEG) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (InterruptedException | IOException e) {
                    // the client gave up
                }
            }
            default -> send(exchange, 404, "text/html", new byte[0]);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void anImageIsItsBytesAndTheTypeTheyAre() {
        ImageDownloader.Image image = downloader.download(PRODUCT, url("a.jpg"));
        assertThat(image.data()).isEqualTo(JPEG);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aFileTheShopDoesNotHaveIsMissing() {
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("gone.jpg"))).isInstanceOf(ImageDownloader.Missing.class)
                .hasMessage("image " + url("gone.jpg") + " of " + PRODUCT + " is missing in the shop (HTTP 404): skipped");
    }

    @Test
    void aServerErrorIsRetryableAndQuoted() {
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("broken.jpg"))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop: image " + url("broken.jpg") + " of " + PRODUCT + " answered HTTP 500: 'Fatal error: out of memory'");
        assertThat(hits.get("broken.jpg")).as("not sent again at once").isEqualTo(1);
    }

    @Test
    void aRefusalFailsNamingProductUrlAndStatus() {
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("forbidden.jpg"))).isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop: image " + url("forbidden.jpg") + " of " + PRODUCT + " answered HTTP 403: 'Forbidden'");
    }

    @Test
    void aPageThatIsNotAnImageIsRefusedWhateverItsContentType() {
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("page.jpg"))).isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop: image " + url("page.jpg") + " of " + PRODUCT + " is not an image (Content-Type image/jpeg, "
                        + "36 bytes starting '<html>Notice: undefined index</html>')");
    }

    @Test
    void anImageLargerThanTheAnswerLimitIsRefused() {
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("big.jpg"))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("image " + url("big.jpg") + " of " + PRODUCT).hasMessageContaining("answer.max.mb");
    }

    @Test
    void aPassingFaultIsSentAgainAndOneThatStaysIsRetryable() {
        assertThat(downloader.download(PRODUCT, url("flaky.jpg")).data()).isEqualTo(JPEG);
        assertThat(hits.get("flaky.jpg")).isEqualTo(3);
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("down.jpg"))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop: image " + url("down.jpg") + " of " + PRODUCT + " answered HTTP 503 (3 tries)");
    }

    @Test
    void aShopSendingAByteAtATimeEndsAtTheTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> downloader.download(PRODUCT, url("slow.jpg"))).isInstanceOf(RetryableJobException.class)
                .hasMessage("Backend shop: Magento did not answer image " + url("slow.jpg") + " of " + PRODUCT + " within 2 s (http://127.0.0.1:"
                        + server.getAddress().getPort() + ")");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void credentialsInAUrlAreNeverShownAndOnlyHttpIsFetched() {
        String withUser = url("gone.jpg").replace("http://", "http://admin:s3cret@");
        assertThatThrownBy(() -> downloader.download(PRODUCT, withUser)).hasMessageNotContaining("s3cret").hasMessageNotContaining("admin");
        assertThatThrownBy(() -> downloader.download(PRODUCT, "file:///etc/passwd")).isInstanceOf(ConnectorException.class)
                .hasMessage("Backend shop: image file:///etc/passwd of " + PRODUCT + ": not an http(s) URL");
    }
}
