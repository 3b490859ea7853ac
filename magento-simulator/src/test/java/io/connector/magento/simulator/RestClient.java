package io.connector.magento.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A plain java.net.http client of the REST API, as the reference connector's requests use it: a Bearer token, JSON in and out. */
final class RestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer as it came: status, Content-Type, bytes. */
    record Answer(int status, String contentType, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + " " + contentType + "): " + text(), e);
            }
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the shop's location, e.g. {@code http://127.0.0.1:41234}; @param token null for no Authorization header */
    RestClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    RestClient(MagentoSimulator magento) {
        this(magento.url(), magento.token());
    }

    /** GET {@code /index.php/rest/V1/} + path. */
    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", "/index.php/rest/V1/" + path, null);
    }

    /** POST a JSON body to {@code /index.php/rest/V1/} + path. */
    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", "/index.php/rest/V1/" + path, json);
    }

    Answer put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", "/index.php/rest/V1/" + path, json);
    }

    /** Any method to a path from the shop's root, with a JSON body or none. */
    Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
