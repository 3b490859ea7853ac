package io.connector.magento.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /stats}: the {@link CallCounts} as JSON, {@code {"requests": N, "methods": {...},
 * "paths": {...}}}; {@code POST /stats/reset} answers the same and starts the counts again. Apart
 * from the API so that a benchmark script reads them with curl, between its phases, from outside
 * the client it measures.
 */
final class StatsEndpoint implements HttpHandler {

    static final String PATH = "/stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallStats stats;

    StatsEndpoint(CallStats stats) {
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            CallCounts counts;
            if (path.equals(PATH) && method.equals("GET")) {
                counts = stats.snapshot();
            } else if (path.equals(PATH + "/reset") && method.equals("POST")) {
                counts = stats.reset();
            } else {
                send(exchange, 404, "text/plain; charset=UTF-8",
                        "GET /stats reads the call counts; POST /stats/reset reads and resets them\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "application/json", JSON.writeValueAsBytes(counts));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
