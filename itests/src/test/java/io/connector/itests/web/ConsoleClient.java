package io.connector.itests.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP to the console, as a script, Prometheus or the page would send it. */
final class ConsoleClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status, headers and body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        Map<String, Object> object() throws IOException {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        }

        List<Map<String, Object>> list() throws IOException {
            return JSON.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> String.join(", ", h.getValue()))
                    .findFirst().orElse(null);
        }

        /** The error message of a JSON error answer. */
        String error() throws IOException {
            return String.valueOf(object().get("error"));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String authorization;
    private String cookie;
    private boolean console;

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/connector";
    }

    /** Basic auth as this user from now on. */
    ConsoleClient as(String user, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    ConsoleClient anonymous() {
        authorization = null;
        cookie = null;
        return this;
    }

    /** Sends this session cookie (and no basic auth) from now on; {@code console}: with the page's header. */
    ConsoleClient withCookie(String cookie, boolean console) {
        this.authorization = null;
        this.cookie = cookie;
        this.console = console;
        return this;
    }

    Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    Answer post(String path, String json) throws Exception {
        return send("POST", path, json);
    }

    Answer delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
            if (console) {
                request.header("X-Connector-Console", "1");
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }
}
