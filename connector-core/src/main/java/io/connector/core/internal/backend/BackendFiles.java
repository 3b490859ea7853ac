package io.connector.core.internal.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * A backend record as a file in Karaf's {@code etc/}, {@code io.connector.backend-NAME.cfg}, which
 * Karaf's file install turns into the record's configuration: where an operator finds it, copies
 * it to the other nodes of a cluster, and where it survives a start with a clean data folder
 * (Config Admin keeps what it is given through its API in {@code data/} only).
 */
final class BackendFiles {

    /** The property file install sets on a configuration it made from a file: the file's URL. */
    static final String FILE_INSTALL_FILENAME = "felix.fileinstall.filename";

    private final Path etc;

    BackendFiles(Path etc) {
        this.etc = etc;
    }

    /** In a Karaf, the one of its {@code etc/}; else none (records then live in Config Admin only). */
    static Optional<BackendFiles> ofKaraf() {
        String etc = System.getProperty("karaf.etc");
        return etc == null ? Optional.empty() : Optional.of(new BackendFiles(Path.of(etc)));
    }

    Path file(String name) {
        return etc.resolve(BackendConfiguration.PID + "-" + name + ".cfg");
    }

    /** Writes the file whole at once: file install never reads half of it. */
    void write(String name, Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# Backend record '" + name + "', written by connector:backend-add. The same file\n"
                + "# (the same id) on every node sharing the database; the password is sealed with the seal key.\n");
        properties.forEach((key, value) -> text.append(escape(key, true)).append(" = ").append(escape(value, false)).append('\n'));
        Path target = file(name);
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** Deletes the file file install made {@code configuration} from, if it did. */
    static void deleteFileOf(org.osgi.service.cm.Configuration configuration) {
        Object url = configuration.getProperties() == null ? null : configuration.getProperties().get(FILE_INSTALL_FILENAME);
        if (url == null) {
            return;
        }
        Path file = Path.of(java.net.URI.create(url.toString()));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    /** As a properties file reads it back: backslashes, line breaks, non-Latin-1 as \\u; in keys also separators. */
    static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if ((key && (c == '=' || c == ':' || c == ' ' || c == '#' || c == '!')) || (!key && i == 0 && c == ' ')) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c > 0xff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
