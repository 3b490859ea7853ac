package io.connector.magento.v20;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Magento 2 shop that answers what the real one answered: every request recorded in the shared
 * 2.x cassettes, matched on method, path, query (as sent, encoding included) and JSON body (equal
 * as JSON). A request nobody recorded is answered HTTP 500 with a message naming it, so that a
 * test that strays from the recordings says where; one without the recordings' token, HTTP 401 as
 * Magento answers it.
 */
public final class RecordedMagento2 implements AutoCloseable {

    /** The token of the reference's tests, which the recordings were made with. */
    public static final String TOKEN = "m59qseoztake3xm1zcvkiv8qnuj09da0";

    /** A request as the shop received it: {@code target} is the path and query as sent. */
    public record Request(String method, String target, String contentType, String accept, String authorization, String body) {
    }

    /** Where the shop's media are: answered without a token, as a web server serves files. */
    public static final String MEDIA = "/media/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read once: every test's shop answers them. */
    private static final List<Cassettes.Interaction> RECORDED = List.copyOf(Cassettes.all());

    private final HttpServer server;
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    private RecordedMagento2(HttpServer server) {
        this.server = server;
    }

    /** Listening on a free local port. */
    public static RecordedMagento2 start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordedMagento2 magento = new RecordedMagento2(server);
            server.createContext("/", magento::answer);
            server.start();
            return magento;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a backend record's location is to reach it. */
    public String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every recorded interaction, cassettes in name order. */
    public static List<Cassettes.Interaction> recordings() {
        return RECORDED;
    }

    /**
     * The recorded interaction that answers this request: the first one recorded (a request
     * recorded twice, in two cassettes, is answered as the first one was).
     */
    public static Optional<Cassettes.Interaction> recorded(String method, String target, String body) {
        return RECORDED.stream().filter(i -> i.method().equals(method) && i.target().equals(target) && sameJson(i.body(), body))
                .findFirst();
    }

    /** The requests received so far. */
    public List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public Request lastRequest() {
        synchronized (received) {
            return received.get(received.size() - 1);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Request(exchange.getRequestMethod(), target, exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Accept"), authorization, body.isEmpty() ? null : body));
        if (exchange.getRequestMethod().equals("GET") && target.startsWith(MEDIA)) {
            // Media are public: no token. The reference's URLs have a double slash
            // (catalog/product//w/g/...), the connector's one; the web server serves both.
            Optional<Cassettes.Interaction> image = RECORDED.stream().filter(i -> i.method().equals("GET")
                    && i.target().replaceAll("//+", "/").equals(target.replaceAll("//+", "/"))).findFirst();
            if (image.isPresent()) {
                send(exchange, image.get().status(), image.get().answerType(), image.get().answer());
            } else {
                send(exchange, 404, "text/html; charset=UTF-8", "<html><body><h1>Not Found</h1></body></html>");
            }
            return;
        }
        if (!("Bearer " + TOKEN).equals(authorization)) {
            send(exchange, 401, "application/json; charset=utf-8", "{\"message\":\"The consumer isn't authorized to access "
                    + "%resources.\",\"parameters\":{\"resources\":\"Magento_Catalog::products\"}}");
            return;
        }
        Optional<Cassettes.Interaction> recorded = recorded(exchange.getRequestMethod(), target, body.isEmpty() ? null : body);
        if (recorded.isEmpty()) {
            send(exchange, 500, "text/plain; charset=utf-8", "Not recorded: " + exchange.getRequestMethod() + " " + target
                    + (body.isEmpty() ? "" : " with body " + body));
            return;
        }
        send(exchange, recorded.get().status(), recorded.get().answerType(), recorded.get().answer());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Both absent, or both JSON and equal as JSON (key order aside; 30.0 and 30 differ, as they do to PHP). */
    static boolean sameJson(String recorded, String sent) {
        if (recorded == null || sent == null) {
            return recorded == null && sent == null;
        }
        try {
            JsonNode a = JSON.readTree(recorded);
            JsonNode b = JSON.readTree(sent);
            return Objects.equals(a, b);
        } catch (IOException e) {
            return recorded.equals(sent);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
