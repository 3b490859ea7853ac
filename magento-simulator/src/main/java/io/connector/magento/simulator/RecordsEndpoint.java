package io.connector.magento.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The shop's records as JSON, for a test whose client runs in another JVM to read back what its
 * exports did (the stock items, invoices, shipments and tracking numbers they made, the orders
 * they changed) without going through the API:
 *
 * <ul>
 * <li>{@code GET /records}: {@code {"orders": 2, "invoices": 1, ...}}, each table's record count;
 * <li>{@code GET /records/{table}[?owner=O]}: {@code [row, ...]} in id order, only those owned by
 * {@code O} when it is given (an order's invoices, a shipment's tracks);
 * <li>{@code GET /records/{table}/{id}}: one {@code row};
 * <li>{@code PATCH /records/{table}/{id}} with a JSON object: its fields replace the record's (the
 * id field stays), as a test in the driver's JVM would with {@link RecordTable#update}; answers the
 * row. A shop's admin changes a record so between two imports (renames an attribute set, which
 * Magento's API cannot).
 * </ul>
 *
 * A row is {@code {"id": "100000001", "owner": "100000201", "record": {...}}}, plus
 * {@code "store_views": {"2": {...}}} when it has values per store view: the form of a data
 * directory's rows ({@link DataFiles}). The record is the stored one, with the XML-RPC types
 * its writer sent ({@link JsonValues}). The tables are {@link DataStore}'s; an unknown one or id
 * answers 404 with a message, which for a table lists them.
 */
final class RecordsEndpoint implements HttpHandler {

    static final String PATH = "/records";

    private static final String USAGE = "GET /records, /records/{table} or /records/{table}/{id}; PATCH /records/{table}/{id}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataStore store;

    RecordsEndpoint(DataStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!method.equals("GET") && !method.equals("PATCH")) {
                exchange.getResponseHeaders().set("Allow", "GET, PATCH");
                JsonHttp.error(exchange, 405, USAGE);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && (path.equals(PATH) || path.equals(PATH + "/"))) {
                ObjectNode counts = JsonValues.object();
                store.counts().forEach(counts::put);
                JsonHttp.send(exchange, 200, counts);
                return;
            }
            if (!path.startsWith(PATH + "/")) {
                JsonHttp.error(exchange, 404, USAGE);
                return;
            }
            String rest = path.substring(PATH.length() + 1);
            int slash = rest.indexOf('/');
            String tableName = slash < 0 ? rest : rest.substring(0, slash);
            String id = slash < 0 ? "" : rest.substring(slash + 1);
            RecordTable table = store.table(tableName);
            if (table == null) {
                JsonHttp.error(exchange, 404, "No table '" + tableName + "'; the tables are " + tableNames());
                return;
            }
            if (method.equals("PATCH")) {
                patch(exchange, table, id);
                return;
            }
            if (id.isEmpty()) {
                List<String> owners = JsonHttp.query(exchange).get("owner");
                String owner = owners == null || owners.isEmpty() ? null : owners.get(0);
                ArrayNode rows = JsonValues.array();
                for (RecordTable.Row row : table.rows()) {
                    if (owner == null || owner.equals(row.owner())) {
                        rows.add(json(row));
                    }
                }
                JsonHttp.send(exchange, 200, rows);
                return;
            }
            Optional<RecordTable.Row> row = table.row(id);
            if (row.isEmpty()) {
                JsonHttp.error(exchange, 404, "No record '" + id + "' in " + tableName + " (its id field: " + table.idField() + ")");
                return;
            }
            JsonHttp.send(exchange, 200, json(row.get()));
        }
    }

    private static void patch(HttpExchange exchange, RecordTable table, String id) throws IOException {
        if (id.isEmpty()) {
            exchange.getResponseHeaders().set("Allow", "GET");
            JsonHttp.error(exchange, 405, "PATCH names a record: /records/" + table.name() + "/{id}");
            return;
        }
        Object parsed;
        try (InputStream body = exchange.getRequestBody()) {
            parsed = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            parsed = e;
        }
        if (!(parsed instanceof Map<?, ?> given)) {
            JsonHttp.error(exchange, 400, "PATCH /records/" + table.name() + "/" + id
                    + " takes a JSON object of the fields to set, not " + (parsed instanceof JsonProcessingException e
                            ? "unreadable JSON (" + e.getOriginalMessage() + ")" : String.valueOf(parsed)));
            return;
        }
        // Jackson's types are those a data file's values get: text, Integer, Double, Boolean, null, Map, List.
        Map<String, Object> fields = new LinkedHashMap<>();
        given.forEach((field, value) -> fields.put(String.valueOf(field), value));
        fields.remove(table.idField());
        if (!table.update(id, record -> record.putAll(fields))) {
            JsonHttp.error(exchange, 404, "No record '" + id + "' in " + table.name() + " (its id field: " + table.idField() + ")");
            return;
        }
        JsonHttp.send(exchange, 200, json(table.row(id).orElseThrow()));
    }

    private String tableNames() {
        return String.join(", ", store.tables().stream().map(RecordTable::name).toList());
    }

    private static ObjectNode json(RecordTable.Row row) {
        ObjectNode json = JsonValues.object();
        json.put("id", row.id());
        json.put("owner", row.owner());
        json.set("record", JsonValues.of(row.record()));
        if (!row.storeViews().isEmpty()) {
            json.set("store_views", JsonValues.of(row.storeViews()));
        }
        return json;
    }
}
