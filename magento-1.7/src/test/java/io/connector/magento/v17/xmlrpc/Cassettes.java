package io.connector.magento.v17.xmlrpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded Magento traffic in ../shared/magento/cassettes/1.9. */
public final class Cassettes {

    /** One request and its response, from a named cassette. */
    public record Interaction(String cassette, int index, String requestBody, int status, String responseBody) {
    }

    private Cassettes() {
    }

    public static Path directory() {
        Path dir = Path.of(System.getProperty("cassettes.dir", "../../shared/magento/cassettes/1.9"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared Magento cassettes are not at " + dir.toAbsolutePath()
                    + ": ../shared must sit beside the project");
        }
        return dir;
    }

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
                interactions.add(new Interaction(cassette, i++, interaction.path("request").path("body").asText(),
                        interaction.path("response").path("status").asInt(),
                        interaction.path("response").path("body").asText()));
            }
            return interactions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
