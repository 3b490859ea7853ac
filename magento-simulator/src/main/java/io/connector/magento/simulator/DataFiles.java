package io.connector.magento.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code --data DIR} format: one {@code <table>.json} per table, e.g. {@code customers.json}:
 *
 * <pre>
 * {"table": "customers", "id_field": "customer_id",
 *  "rows": [{"id": "136", "owner": null, "record": {...}, "store_views": {"2": {"name": "..."}}}]}
 * </pre>
 *
 * Plain JSON so a record can be edited by hand; JSON's types are the ones XML-RPC needs here
 * (text, int, double, boolean, nil, struct, array). A missing file is an empty table.
 */
final class DataFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataFiles() {
    }

    static void save(DataStore store, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (RecordTable table : store.tables()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RecordTable.Row row : table.rows()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", row.id());
                json.put("owner", row.owner());
                json.put("record", row.record());
                if (!row.storeViews().isEmpty()) {
                    json.put("store_views", row.storeViews());
                }
                rows.add(json);
            }
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("table", table.name());
            file.put("id_field", table.idField());
            file.put("rows", rows);
            JSON.writeValue(dir.resolve(table.name() + ".json").toFile(), file);
        }
    }

    @SuppressWarnings("unchecked")
    static void load(DataStore store, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No data directory " + dir.toAbsolutePath());
        }
        for (RecordTable table : store.tables()) {
            Path file = dir.resolve(table.name() + ".json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> json = JSON.readValue(file.toFile(), Map.class);
            Object rows = json.get("rows");
            if (!(rows instanceof List<?> list)) {
                throw new IOException(file + " has no \"rows\" array");
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> row) || !(row.get("record") instanceof Map<?, ?> record)) {
                    throw new IOException(file + ": each row needs an \"id\" and a \"record\" object");
                }
                String id = Values.text(row.get("id"));
                if (id == null) {
                    id = Values.text(record.get(table.idField()));
                }
                if (id == null) {
                    throw new IOException(file + ": a row without an id nor " + table.idField());
                }
                Map<String, Map<String, Object>> storeViews = new LinkedHashMap<>();
                if (row.get("store_views") instanceof Map<?, ?> views) {
                    views.forEach((view, values) -> storeViews.put(String.valueOf(view), (Map<String, Object>) values));
                }
                table.restore(new RecordTable.Row(id, Values.text(row.get("owner")), (Map<String, Object>) record, storeViews));
            }
        }
    }
}
