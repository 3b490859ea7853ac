package io.connector.magento.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The simulator's JSON endpoints over plain HTTP, as a test in another JVM reads them. */
final class JsonClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, its body as sent, and that body parsed. */
    record Answer(int status, String body, JsonNode json) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    JsonClient(String base) {
        this.base = base;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    Answer post(String path) throws IOException, InterruptedException {
        return send("POST", path);
    }

    Answer send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, null);
    }

    /** With a JSON body, or none when null. */
    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " " + contentType + ": " + response.body());
        }
        return new Answer(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
