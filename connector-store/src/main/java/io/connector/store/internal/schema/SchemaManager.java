package io.connector.store.internal.schema;

import static io.connector.store.internal.schema.Identifiers.identifier;
import static io.connector.store.internal.schema.Identifiers.quote;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.connector.api.store.FieldInfo.Types;
import io.connector.store.internal.model.FieldDefinition;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.model.Models;
import io.connector.store.spi.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the versioned migrations and the declared models, under the
 * {@link SchemaLock}: each migration once and in order, recorded in
 * {@code connector_schema_history}; each model a table, each stored field a column, each
 * many-to-many a relation table. It adds and never drops: a field whose bundle is uninstalled
 * keeps its column and its data.
 *
 * <p>Written here rather than with Flyway or Liquibase: most of the schema follows the models
 * that bundles declare at run time (an addon adds columns by being installed), which neither
 * tool models, and the versioned part is a handful of scripts that need no more than this.
 */
public final class SchemaManager {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private SchemaManager() {
    }

    /** What one run did, for logs and tests. */
    public record Report(List<String> applied, List<String> changes) {
    }

    public static Report migrate(DataSource dataSource, List<Migration> migrations, Models models) throws SQLException {
        try (SchemaLock lock = SchemaLock.acquire(dataSource)) {
            Connection c = lock.connection();
            List<String> applied = applyMigrations(c, migrations);
            List<String> changes = new ArrayList<>(applyModels(c, models));
            if (Database.of(c) == Database.H2) {
                changes.addAll(IdentityCaches.widen(c));
                changes.addAll(IndexSelectivity.favourDeclaredIndexes(c, models));
            }
            return new Report(applied, changes);
        }
    }

    /** The migrations of {@code known} that {@code connector_schema_history} does not record, in their order. */
    public static List<Migration> notApplied(Connection c, List<Migration> known) throws SQLException {
        Set<String> done = new HashSet<>();
        try (Statement query = c.createStatement()) {
            query.setQueryTimeout(2);
            try (ResultSet rows = query.executeQuery("SELECT \"component\", \"version\" FROM \"connector_schema_history\"")) {
                while (rows.next()) {
                    done.add(rows.getString(1) + "#" + rows.getInt(2));
                }
            }
        }
        List<Migration> missing = new ArrayList<>();
        for (Migration m : known) {
            if (!done.contains(m.component() + "#" + m.version())) {
                missing.add(m);
            }
        }
        missing.sort((a, b) -> a.component().equals(b.component()) ? Integer.compare(a.version(), b.version())
                : a.component().compareTo(b.component()));
        return missing;
    }

    private static List<String> applyMigrations(Connection c, List<Migration> migrations) throws SQLException {
        try (Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS \"connector_schema_history\" (\"component\" VARCHAR(200) NOT NULL, "
                    + "\"version\" INT NOT NULL, \"description\" VARCHAR(200) NOT NULL, \"checksum\" VARCHAR(16) NOT NULL, "
                    + "\"applied_at\" TIMESTAMP NOT NULL, PRIMARY KEY (\"component\", \"version\"))");
        }
        Map<String, String> done = new HashMap<>();
        try (Statement query = c.createStatement();
                ResultSet rows = query.executeQuery("SELECT \"component\", \"version\", \"checksum\" FROM \"connector_schema_history\"")) {
            while (rows.next()) {
                done.put(rows.getString(1) + "#" + rows.getInt(2), rows.getString(3));
            }
        }
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort((a, b) -> a.component().equals(b.component()) ? Integer.compare(a.version(), b.version())
                : a.component().compareTo(b.component()));
        List<String> applied = new ArrayList<>();
        for (Migration m : ordered) {
            String key = m.component() + "#" + m.version();
            String checksum = done.get(key);
            if (checksum != null) {
                if (!checksum.equals(m.checksum())) {
                    LOG.warn("Migration {} V{} ({}) changed after it was applied; it is not applied again",
                            m.component(), m.version(), m.description());
                }
                continue;
            }
            // DDL commits on its own in H2 and is transactional in PostgreSQL: a script is one
            // transaction where the database allows it, and is recorded only once it ran through.
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                for (String sql : m.statements()) {
                    statement.execute(sql);
                }
                try (PreparedStatement record = c.prepareStatement("INSERT INTO \"connector_schema_history\" "
                        + "(\"component\", \"version\", \"description\", \"checksum\", \"applied_at\") VALUES (?, ?, ?, ?, ?)")) {
                    record.setString(1, m.component());
                    record.setInt(2, m.version());
                    record.setString(3, m.description());
                    record.setString(4, m.checksum());
                    record.setTimestamp(5, Timestamp.from(Instant.now()));
                    record.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("Migration " + m.component() + " V" + m.version() + " (" + m.description()
                        + ") failed: " + e.getMessage(), e.getSQLState(), e);
            } finally {
                c.setAutoCommit(true);
            }
            applied.add(m.component() + " V" + m.version() + " " + m.description());
            LOG.info("Applied migration {} V{} ({})", m.component(), m.version(), m.description());
        }
        return applied;
    }

    private static List<String> applyModels(Connection c, Models models) throws SQLException {
        List<String> changes = new ArrayList<>();
        Existing existing = Existing.read(c);
        try (Statement ddl = c.createStatement()) {
            for (ModelDefinition model : models.all()) {
                String table = model.table();
                if (!existing.tables.contains(table)) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS " + quote(table) + " (\"id\" BIGINT GENERATED BY DEFAULT AS "
                            + "IDENTITY PRIMARY KEY, \"create_date\" TIMESTAMP, \"write_date\" TIMESTAMP)");
                    changes.add("table " + table);
                }
            }
            for (ModelDefinition model : models.all()) {
                String table = model.table();
                for (FieldDefinition field : model.definitions().values()) {
                    if (field.stored() && !existing.has(table, field.name())) {
                        ddl.execute("ALTER TABLE " + quote(table) + " ADD COLUMN IF NOT EXISTS " + quote(field.name()) + " "
                                + columnType(field));
                        changes.add("column " + table + "." + field.name());
                    }
                    if (field.type().equals(Types.MANY2ONE)) {
                        String fk = foreignKey(table, field.name());
                        if (!existing.foreignKeys.contains(fk)) {
                            ddl.execute("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(fk) + " FOREIGN KEY ("
                                    + quote(field.name()) + ") REFERENCES " + quote(ModelDefinition.tableOf(field.relation().get()))
                                    + " (\"id\") ON DELETE " + field.onDelete().toUpperCase(Locale.ROOT));
                            changes.add("foreign key " + fk);
                        }
                    }
                    if (field.stored() && (field.index() || field.type().equals(Types.MANY2ONE))) {
                        ddl.execute("CREATE INDEX IF NOT EXISTS " + quote(identifier("ix_" + table + "_" + field.name()))
                                + " ON " + quote(table) + " (" + quote(field.name()) + ")");
                    }
                    if (field.type().equals(Types.MANY2MANY)) {
                        String relation = relationTable(model, field);
                        if (!existing.tables.contains(relation)) {
                            String target = ModelDefinition.tableOf(field.relation().get());
                            ddl.execute("CREATE TABLE IF NOT EXISTS " + quote(relation) + " (\"source_id\" BIGINT NOT NULL "
                                    + "REFERENCES " + quote(table) + " (\"id\") ON DELETE CASCADE, \"target_id\" BIGINT NOT NULL "
                                    + "REFERENCES " + quote(target) + " (\"id\") ON DELETE CASCADE, "
                                    + "PRIMARY KEY (\"source_id\", \"target_id\"))");
                            ddl.execute("CREATE INDEX IF NOT EXISTS " + quote(identifier("ix_" + relation + "_target"))
                                    + " ON " + quote(relation) + " (\"target_id\")");
                            changes.add("relation table " + relation);
                        }
                    }
                }
                for (java.util.List<String> columns : model.unique()) {
                    ddl.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + quote(identifier("ux_" + table + "_" + String.join("_", columns)))
                            + " ON " + quote(table) + " (" + String.join(", ", columns.stream().map(Identifiers::quote).toList()) + ")");
                }
                if (model.bindingOf().isPresent()) {
                    // One binding per (backend, external id), whatever imports race: the database decides.
                    ddl.execute("CREATE UNIQUE INDEX IF NOT EXISTS " + quote(identifier("ux_" + table + "_external"))
                            + " ON " + quote(table) + " (\"backend_id\", \"external_id\")");
                }
            }
        }
        if (!changes.isEmpty()) {
            LOG.info("Schema follows the models: added {}", String.join(", ", changes));
        }
        return changes;
    }

    private static String columnType(FieldDefinition field) {
        return switch (field.type()) {
            case Types.TEXT, Types.SELECTION -> "VARCHAR";
            case Types.INTEGER, Types.MANY2ONE -> "BIGINT";
            // Fixed scale: both databases keep it exactly; reads strip the trailing zeros.
            case Types.DECIMAL -> "NUMERIC(30,10)";
            case Types.BOOLEAN -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.DATETIME -> "TIMESTAMP";
            // PostgreSQL's name, which H2 takes as an alias of VARBINARY (up to 1 GB).
            case Types.BINARY -> "BYTEA";
            default -> throw new IllegalArgumentException(field.type() + " has no column");
        };
    }

    /** The name of the foreign key of a many-to-one column, which the database's refusals name. */
    public static String foreignKey(String table, String field) {
        return identifier("fk_" + table + "_" + field);
    }

    /** The table holding a many-to-many field's pairs. */
    public static String relationTable(ModelDefinition model, FieldDefinition field) {
        return identifier(model.table() + "__" + field.name());
    }

    /** Tables, columns and foreign keys as the database has them now. */
    private record Existing(Set<String> tables, Set<String> columns, Set<String> foreignKeys) {

        boolean has(String table, String column) {
            return columns.contains(table + "." + column);
        }

        static Existing read(Connection c) throws SQLException {
            Set<String> tables = new HashSet<>();
            Set<String> columns = new HashSet<>();
            Set<String> foreignKeys = new HashSet<>();
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            try (ResultSet rows = meta.getColumns(null, schema, "%", "%")) {
                while (rows.next()) {
                    columns.add(rows.getString("TABLE_NAME") + "." + rows.getString("COLUMN_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = meta.getImportedKeys(null, schema, table)) {
                    while (rows.next()) {
                        foreignKeys.add(rows.getString("FK_NAME"));
                    }
                }
            }
            return new Existing(tables, columns, foreignKeys);
        }
    }
}
