package io.connector.magento.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
 * <li>{@code GET /records/{table}/{id}}: one {@code row}.
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

    private final DataStore store;

    RecordsEndpoint(DataStore store) {
        this.store = store;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().toUpperCase(Locale.ROOT).equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                JsonHttp.error(exchange, 405, "GET /records, /records/{table} or /records/{table}/{id}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                ObjectNode counts = JsonValues.object();
                store.counts().forEach(counts::put);
                JsonHttp.send(exchange, 200, counts);
                return;
            }
            if (!path.startsWith(PATH + "/")) {
                JsonHttp.error(exchange, 404, "GET /records, /records/{table} or /records/{table}/{id}");
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
