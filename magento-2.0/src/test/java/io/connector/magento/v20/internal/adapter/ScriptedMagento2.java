package io.connector.magento.v20.internal.adapter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connector.magento.v20.Cassettes;
import io.connector.magento.v20.RecordedMagento2;

/**
 * A Magento 2 shop for what the recordings lack: a request scripted here ({@code METHOD target},
 * the target as sent) gets its scripted answer (JSON, with its status); any other is answered as
 * {@link RecordedMagento2} answers it (recorded requests only, bodies equal as JSON), else HTTP 500.
 * Keeps what it received.
 */
final class ScriptedMagento2 implements AutoCloseable {

    record Request(String method, String target, String body) {
    }

    private record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Answer> script = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedMagento2() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code method path} (under {@code /index.php/rest/V1/}, query included, as sent) answers {@code json} with {@code status}. */
    ScriptedMagento2 on(String method, String path, int status, String json) {
        script.put(method + " /index.php/rest/V1/" + path, new Answer(status, json));
        return this;
    }

    List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        String target = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
        String method = exchange.getRequestMethod();
        received.add(new Request(method, target, body.isEmpty() ? null : body));
        Answer scripted = script.get(method + " " + target);
        if (scripted != null) {
            send(exchange, scripted.status(), "application/json; charset=utf-8", scripted.json());
            return;
        }
        Optional<Cassettes.Interaction> recorded = RecordedMagento2.recorded(method, target, body.isEmpty() ? null : body);
        if (recorded.isPresent()) {
            send(exchange, recorded.get().status(), recorded.get().answerType(), recorded.get().answer());
        } else {
            send(exchange, 500, "text/plain; charset=utf-8", "Neither scripted nor recorded: " + method + " " + target);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
