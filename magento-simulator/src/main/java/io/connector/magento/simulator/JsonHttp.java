package io.connector.magento.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** What the JSON endpoints beside the API share: answers, errors as {@code {"error": "..."}}, query parameters. */
final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonHttp() {
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON.writeValueAsBytes(body));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, JsonValues.object().put("error", message));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The query's parameters, each with its values in the order given. */
    static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
