package io.connector.store.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test: an in-memory H2 database, or a new schema in the
 * PostgreSQL server that {@code scripts/postgres} starts ({@value #PG_URL} names it).
 */
public final class TestDatabase implements AutoCloseable {

    /** The environment variable with the PostgreSQL test server's JDBC URL, set by scripts/test. */
    public static final String PG_URL = "CONNECTOR_TEST_PG_URL";

    private final DataSource dataSource;
    private final Runnable cleanup;

    private TestDatabase(DataSource dataSource, Runnable cleanup) {
        this.dataSource = dataSource;
        this.cleanup = cleanup;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Through HikariCP, as in Karaf (pax-jdbc-config with the hikari pool): the pool reacts to
     * some errors by evicting the connection, which the store must not provoke.
     */
    private static HikariDataSource pooled(DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(16);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        HikariDataSource pool = pooled(h2);
        return new TestDatabase(pool, () -> {
            pool.close();
            try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        });
    }

    /** Skips the calling test, saying why, when no PostgreSQL server is configured or reachable. */
    public static TestDatabase postgres() {
        String url = System.getenv(PG_URL);
        Assumptions.assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: " + PG_URL
                + " is not set (scripts/test starts a server and sets it; or run scripts/postgres start)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL tests skipped: cannot reach " + url + ": " + e.getMessage());
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setCurrentSchema(schema);
        HikariDataSource pool = pooled(pg);
        return new TestDatabase(pool, () -> {
            pool.close();
            try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // the server went away; nothing to clean
            }
        });
    }

    @Override
    public void close() {
        cleanup.run();
    }
}
