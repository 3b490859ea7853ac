package io.connector.benchmarks.importbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.spi.Sql;

/**
 * What the hand-written loop needs before it is timed, none of it measured: the tables the store
 * makes in Karaf (made here by the store's own schema code from the same models files, so that the
 * loop writes the same columns to the same tables with the same indexes and keys), and the rows
 * partners and products refer to, as the import's earlier steps leave them: Magento websites,
 * customer groups with their partner categories, product categories with their bindings.
 */
final class LoopSetup {

    static final List<String> COUNTED = List.of("res_partner", "magento_res_partner", "magento_address", "res_partner__category_ids",
            "product_product", "magento_product_product", "product_product__category_ids");

    private LoopSetup() {
    }

    /** Brings the empty database to the models of {@code modelFiles}, in the order the distribution loads them. */
    static void schema(String jdbcUrl, String user, String password, List<Path> modelFiles) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ModelRegistry models = new ModelRegistry();
            int order = 0;
            for (Path file : modelFiles) {
                try (InputStream in = Files.newInputStream(file)) {
                    order++;
                    models.contributed(file.toString(), ModelFileReader.read(file.toString(), order, file.toString(), in));
                }
            }
            new JdbcRecordStore(pool, models, new RecordListeners());
        }
    }

    static void rows(Connection c, LoopShop shop, String backendId) throws SQLException {
        LocalDateTime now = Sql.now();
        for (LoopShop.Website website : shop.websites()) {
            insert(c, "magento_website", now, Map.of("backend_id", backendId, "external_id", website.id(), "name", website.name(),
                    "code", website.code(), "sync_date", now));
        }
        for (LoopShop.Group group : shop.customerGroups()) {
            long category = insert(c, "res_partner_category", now, Map.of("name", group.code(), "active", true));
            insert(c, "magento_res_partner_category", now, Map.of("backend_id", backendId, "external_id", group.id(),
                    "record_id", category, "sync_date", now));
        }
        category(c, shop.categoryTree(), null, backendId, now);
        c.commit();
    }

    /** A category and, below it, its children: parents first, as the import brings them in. */
    private static void category(Connection c, LoopShop.Category node, Long parent, String backendId, LocalDateTime now)
            throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", node.name());
        values.put("sequence", 0);
        if (parent != null) {
            values.put("parent_id", parent);
        }
        long id = insert(c, "product_category", now, values);
        insert(c, "magento_product_category", now, Map.of("backend_id", backendId, "external_id", node.id(), "record_id", id,
                "sync_date", now));
        for (LoopShop.Category child : node.children()) {
            category(c, child, id, backendId, now);
        }
    }

    private static long insert(Connection c, String table, LocalDateTime now, Map<String, Object> values) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("create_date", "write_date"));
        List<Object> params = new ArrayList<>(List.of(now, now));
        values.forEach((column, value) -> {
            columns.add(column);
            params.add(value);
        });
        String sql = "INSERT INTO \"" + table + "\" (" + String.join(", ", columns.stream().map(n -> "\"" + n + "\"").toList())
                + ") VALUES (" + Sql.marks(columns.size()) + ")";
        try (PreparedStatement insert = c.prepareStatement(sql, new String[] {"id"})) {
            Sql.bind(insert, params);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    /** The rows of the tables partners and products land in, to hold against the import's. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : COUNTED) {
                try (ResultSet row = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    row.next();
                    counts.put(table, row.getLong(1));
                }
            }
        }
        c.commit();
        return counts;
    }
}
