package io.connector.magento.v20.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.unit.RemoteRecordNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch of GETs: a few in flight at once, as the record's read concurrency says, each answer or failure in its place. */
class GetAllTest {

    private static final String TOKEN = "m59qseoztake3xm1zcvkiv8qnuj09da0";

    private record Shop(String location, Map<String, String> options) implements BackendRecord {
        @Override
        public String id() {
            return "b1";
        }

        @Override
        public String name() {
            return "shop2";
        }

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String username() {
            return null;
        }

        @Override
        public String password() {
            return TOKEN;
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.ofNullable(options.get(key));
        }
    }

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    /** Each answer waits until this many requests are in flight together, or a while: what the test looks at is the most seen. */
    private final CountDownLatch together = new CountDownLatch(4);
    private final HttpServer server;
    private final ExecutorService reads = Executors.newCachedThreadPool();

    GetAllTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        reads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        together.countDown();
        try {
            together.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String id = exchange.getRequestURI().getPath().replaceAll(".*/", "");
        boolean missing = id.equals("7");
        byte[] body = (missing ? "{\"message\":\"No such entity with %fieldName = %fieldValue\",\"parameters\":{\"fieldName\":\"customerId\","
                + "\"fieldValue\":7}}" : "{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
        inFlight.decrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(missing ? 404 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Magento2Client client(Map<String, String> options) {
        Shop shop = new Shop("http://127.0.0.1:" + server.getAddress().getPort(), options);
        return new Magento2Client(shop, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), reads);
    }

    private static List<RestPath> customers(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> RestPath.of("customers/{}", i)).toList();
    }

    @Test
    void fourAreInFlightAtOnceByDefaultEachAnswerInItsPlace() {
        List<Object> answers = client(Map.of()).getAll(customers(12));
        assertThat(mostInFlight.get()).isEqualTo(Magento2Client.DEFAULT_READ_CONCURRENCY);
        assertThat(answers).hasSize(12);
        for (int i = 0; i < 12; i++) {
            if (i + 1 == 7) {
                assertThat(answers.get(i)).as("the missing customer, in its place").isInstanceOf(RemoteRecordNotFoundException.class);
            } else {
                assertThat(answers.get(i)).isEqualTo(Map.of("id", i + 1));
            }
        }
    }

    @Test
    void theRecordsReadConcurrencySaysHowMany() {
        client(Map.of(Magento2Client.READ_CONCURRENCY, "2")).getAll(customers(6));
        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void oneAtATimeWhenTheRecordSaysSo() {
        assertThat(client(Map.of(Magento2Client.READ_CONCURRENCY, "1")).getAll(customers(3))).hasSize(3);
        assertThat(mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void aConcurrencyThatIsNoneIsAnErrorNamingTheOption() {
        Shop shop = new Shop("http://127.0.0.1:1", Map.of(Magento2Client.READ_CONCURRENCY, "40"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Magento2Client.readConcurrency(shop))
                .hasMessage("Backend shop2: option read.concurrency '40' is not a number of requests from 1 to 16");
    }
}
