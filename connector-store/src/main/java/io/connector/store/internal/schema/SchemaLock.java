package io.connector.store.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import io.connector.api.store.StoreException;
import io.connector.store.spi.Database;

/**
 * Keeps two nodes that start together from changing the schema at the same time. PostgreSQL:
 * a session advisory lock, which the server drops when the holder dies. Elsewhere (H2): a row in
 * a lock table, taken by inserting it; a row older than {@link #STALE} is taken to be left by a
 * dead node and removed.
 */
public final class SchemaLock implements AutoCloseable {

    static final Duration STALE = Duration.ofMinutes(10);
    static final Duration WAIT = Duration.ofMinutes(2);
    /** An arbitrary key that the connector's schema work shares. */
    private static final long ADVISORY_KEY = 0x636f6e6e6563L;

    private final Connection connection;
    private final Database dialect;
    private final String owner = UUID.randomUUID().toString();

    private SchemaLock(Connection connection, Database dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Waits for the lock; the connection is the lock's own. */
    public static SchemaLock acquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            SchemaLock lock = new SchemaLock(connection, Database.of(connection));
            lock.take();
            return lock;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void take() throws SQLException {
        if (dialect == Database.POSTGRESQL) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, ADVISORY_KEY);
                lock.execute();
            }
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS \"connector_schema_lock\" (\"id\" INT PRIMARY KEY, "
                    + "\"owner\" VARCHAR(64) NOT NULL, \"since\" TIMESTAMP NOT NULL)");
        }
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO \"connector_schema_lock\" (\"id\", \"owner\", \"since\") VALUES (1, ?, ?)")) {
                insert.setString(1, owner);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
            }
            try (PreparedStatement stale = connection.prepareStatement(
                    "DELETE FROM \"connector_schema_lock\" WHERE \"id\" = 1 AND \"since\" < ?")) {
                stale.setTimestamp(1, Timestamp.from(Instant.now().minus(STALE)));
                stale.executeUpdate();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StoreException("Waited " + WAIT.toMinutes() + " minutes for the schema lock held in table "
                        + "connector_schema_lock; if no node is starting, delete its row");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while waiting for the schema lock");
            }
        }
    }

    /** The lock's connection, in auto-commit mode: schema work runs on it. */
    public Connection connection() {
        return connection;
    }

    public Database dialect() {
        return dialect;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (dialect == Database.POSTGRESQL) {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, ADVISORY_KEY);
                    unlock.execute();
                }
            } else {
                connection.setAutoCommit(true);
                try (PreparedStatement release = connection.prepareStatement(
                        "DELETE FROM \"connector_schema_lock\" WHERE \"id\" = 1 AND \"owner\" = ?")) {
                    release.setString(1, owner);
                    release.executeUpdate();
                }
            }
        } finally {
            connection.close();
        }
    }
}
