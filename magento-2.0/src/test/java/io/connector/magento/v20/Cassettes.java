package io.connector.magento.v20;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded Magento 2 traffic in ../shared/magento/cassettes/2.x. */
public final class Cassettes {

    /** The host the recordings were made against. */
    static final String RECORDED_HOST = "http://magento";

    /** One request and its response, from a named cassette; a body absent is null. */
    public record Interaction(String cassette, int index, String method, String uri, String contentType, String body, int status,
            String answerType, String answer) {

        /** The path and query, as the shop saw them: {@code /index.php/rest/V1/store/websites?fields=id}. */
        public String target() {
            if (!uri.startsWith(RECORDED_HOST + "/")) {
                throw new IllegalStateException(cassette + " #" + index + ": " + uri + " is not on " + RECORDED_HOST);
            }
            return uri.substring(RECORDED_HOST.length());
        }
    }

    private Cassettes() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("cassettes.dir", "../../shared/magento/cassettes/2.x"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared Magento 2 cassettes are not at " + dir.toAbsolutePath()
                    + ": ../shared must sit beside the project");
        }
        return dir;
    }

    /** Every cassette's interactions, cassettes in name order. */
    public static List<Interaction> all() {
        List<Interaction> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.addAll(of(file.getFileName().toString().replace(".json", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    public static List<Interaction> of(String cassette) {
        try {
            JsonNode root = new ObjectMapper().readTree(directory().resolve(cassette + ".json").toFile());
            List<Interaction> interactions = new ArrayList<>();
            int i = 0;
            for (JsonNode interaction : root.path("interactions")) {
                JsonNode request = interaction.path("request");
                JsonNode response = interaction.path("response");
                interactions.add(new Interaction(cassette, i++, request.path("method").asText(), request.path("uri").asText(),
                        text(request.path("content_type")), text(request.path("body")), response.path("status").asInt(),
                        text(response.path("content_type")), text(response.path("body"))));
            }
            return interactions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
