package io.connector.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.Assume;

/**
 * The store a node runs on: the distribution's own H2 file (each node its own), or a fresh schema
 * of the PostgreSQL test server ({@value #PG_URL}), which several nodes may share. The test reads
 * it over JDBC: PostgreSQL at any time, H2 only while its node is stopped (Karaf holds the file).
 */
abstract class StoreDatabase implements AutoCloseable {

    /** The environment variable with the PostgreSQL test server's JDBC URL, which scripts/test sets. */
    static final String PG_URL = "CONNECTOR_TEST_PG_URL";

    /** The distribution's datasource as it ships: etc/org.ops4j.datasource-connector.cfg, an H2 file under data/. */
    static StoreDatabase h2() {
        return new H2();
    }

    /**
     * A fresh schema {@code sys_PREFIX_...} in the PostgreSQL test database, dropped on close; skips
     * the calling test, saying why, without {@value #PG_URL} or when the server does not answer.
     * (The test server's user may not create databases, so each test gets a schema, named by
     * {@code currentSchema} in the nodes' URL.)
     */
    static StoreDatabase postgres(String prefix) {
        String url = System.getenv(PG_URL);
        Assume.assumeTrue("PostgreSQL system tests skipped: " + PG_URL + " is not set (scripts/test starts a server and sets "
                + "it; or CONNECTOR_TEST_PG_URL=$(scripts/postgres start))", url != null && !url.isBlank());
        String schema = "sys_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assume.assumeNoException("PostgreSQL system tests skipped: cannot create a schema at " + url + ": " + e.getMessage(), e);
        }
        return new Postgres(url, schema);
    }

    abstract String label();

    /** Points the node's datasource at this database (the H2 default stays as the distribution ships it). */
    abstract void configure(KarafNode node) throws Exception;

    /** A connection to the node's store; for H2, only while the node is stopped. */
    abstract Connection connect(KarafNode node) throws Exception;

    /** Whether {@link #connect} works while the node runs. */
    abstract boolean readableWhileRunning();

    @Override
    public void close() {
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("No row from " + sql);
            }
            return rows.getLong(1);
        }
    }

    static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Each row as "column=value, ...", for messages and reports. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? ", " : "").append(rows.getMetaData().getColumnLabel(i)).append('=').append(rows.getString(i));
                }
                result.add(row.toString());
            }
        }
        return result;
    }

    private static final class H2 extends StoreDatabase {

        @Override
        String label() {
            return "h2";
        }

        @Override
        void configure(KarafNode node) {
            // As shipped: jdbc:h2:file:${karaf.data}/connector/store;WRITE_DELAY=0;QUERY_CACHE_SIZE=64
        }

        @Override
        Connection connect(KarafNode node) throws Exception {
            if (node.running()) {
                throw new IllegalStateException("H2 is read over JDBC only while " + node + " is stopped; use its shell");
            }
            String url = node.property("etc/org.ops4j.datasource-connector.cfg", "url")
                    .replace("${karaf.data}", node.home().resolve("data").toString());
            String user = node.property("etc/org.ops4j.datasource-connector.cfg", "user");
            // Right after a kill -9 the file can stay locked for a moment (seen: up to about 2 s).
            long start = System.nanoTime();
            Connection connection = Waits.await("the H2 store of stopped " + node + " opening", Duration.ofSeconds(20), node.log(),
                    () -> DriverManager.getConnection(url, user, ""));
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 1000) {
                System.out.println("The H2 store of " + node.name() + " opened after " + millis + " ms (its file was locked)");
            }
            return connection;
        }

        @Override
        boolean readableWhileRunning() {
            return false;
        }
    }

    private static final class Postgres extends StoreDatabase {

        private final String serverUrl;
        private final String schema;

        Postgres(String serverUrl, String schema) {
            this.serverUrl = serverUrl;
            this.schema = schema;
        }

        String url() {
            return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        String label() {
            return "postgresql";
        }

        @Override
        void configure(KarafNode node) throws Exception {
            // What docs/store.md tells an operator to write, plus the pool size the benchmarks use.
            String file = "etc/org.ops4j.datasource-connector.cfg";
            node.setProperty(file, "osgi.jdbc.driver.class", "org.postgresql.Driver");
            node.setProperty(file, "url", url());
            node.setProperty(file, "user", parameter("user", "connector"));
            node.setProperty(file, "password", parameter("password", "connector"));
            node.setProperty(file, "hikari.maximumPoolSize", "16");
        }

        private String parameter(String name, String otherwise) {
            int query = serverUrl.indexOf('?');
            if (query >= 0) {
                for (String pair : serverUrl.substring(query + 1).split("&")) {
                    if (pair.startsWith(name + "=")) {
                        return pair.substring(name.length() + 1);
                    }
                }
            }
            return otherwise;
        }

        @Override
        Connection connect(KarafNode node) throws SQLException {
            return connect();
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url());
        }

        @Override
        boolean readableWhileRunning() {
            return true;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "PostgreSQL schema " + schema;
        }
    }
}
