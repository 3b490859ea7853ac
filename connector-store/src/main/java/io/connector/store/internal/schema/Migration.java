package io.connector.store.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;

import io.connector.store.spi.Database;

/**
 * One versioned SQL script of a component (a bundle's schema), applied once, in version order.
 *
 * @param sql the script: statements end with a semicolon at the end of a line; {@code --} starts a comment
 */
public record Migration(String component, int version, String description, String sql) {

    public String checksum() {
        CRC32 crc = new CRC32();
        crc.update(sql.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * The scripts listed, one file name per line, in {@code folder/migrations}: names like
     * {@code V1__core.sql}. A file {@code V1__core.postgresql.sql} beside it replaces it on that
     * dialect.
     *
     * @param resources finds a resource by path, e.g. a bundle's {@code getEntry} or a class loader's {@code getResource}
     */
    public static List<Migration> list(String component, String folder, Database dialect, Function<String, URL> resources) {
        String index = read(resources.apply(folder + "/migrations"), folder + "/migrations");
        List<Migration> migrations = new ArrayList<>();
        for (String name : index.split("\n")) {
            name = name.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!name.matches("V\\d+__[A-Za-z0-9_]+\\.sql")) {
                throw new IllegalArgumentException(folder + "/migrations lists '" + name + "'; expected V<number>__<words>.sql");
            }
            int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
            String description = name.substring(name.indexOf("__") + 2, name.length() - 4).replace('_', ' ');
            URL specific = resources.apply(folder + "/" + name.replace(".sql", "." + dialect + ".sql"));
            URL generic = resources.apply(folder + "/" + name);
            migrations.add(new Migration(component, version, description,
                    read(specific != null ? specific : generic, folder + "/" + name)));
        }
        return migrations;
    }

    private static String read(URL url, String what) {
        if (url == null) {
            throw new IllegalArgumentException("Schema resource " + what + " is missing");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + what, e);
        }
    }
}
