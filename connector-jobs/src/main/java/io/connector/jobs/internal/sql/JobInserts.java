package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.PENDING;
import static io.connector.api.job.JobState.WAITING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import io.connector.store.spi.Database;
import io.connector.store.spi.Sql;

/**
 * New jobs, in the caller's transaction. A job with an identity key is unique among the active
 * ones by a unique index: a second insert answers with the job already there. A job whose key
 * holds only until its claim ({@code key_until_claim}) leaves that index when a worker claims it.
 */
public final class JobInserts {

    /** A job to insert. */
    public record NewJob(String function, String args, String description, String channel, int priority,
            LocalDateTime eta, int maxRetries, String identityKey, boolean keyUntilClaim, String backendId,
            Integer timeoutSeconds, boolean waiting) {
    }

    /** The result of an insert: the job's id and uuid, or those of the active job with its identity key. */
    public record Inserted(long id, String uuid, boolean existing) {
    }

    private JobInserts() {
    }

    public static Inserted insert(Connection c, NewJob job) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Savepoint savepoint = job.identityKey() == null ? null : c.setSavepoint();
            try {
                String uuid = UUID.randomUUID().toString();
                long id = insertRow(c, job, uuid);
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return new Inserted(id, uuid, false);
            } catch (SQLException e) {
                if (savepoint == null || !Database.isUniqueViolation(e)) {
                    throw e;
                }
                // The database refused a second active job with this key: answer with the first.
                c.rollback(savepoint);
                Optional<Inserted> existing = activeWithKey(c, job.identityKey());
                if (existing.isPresent()) {
                    return existing.get();
                }
                // It ended between our insert and our look-up: try again.
            }
        }
        throw new SQLException("Could not delay a job with identity key " + job.identityKey() + " after 3 attempts");
    }

    /** The job's state row, then its payload row: two statements, each a narrow table's. */
    private static long insertRow(Connection c, NewJob job, String uuid) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"connector_job\" (\"function_name\", \"channel\", "
                + "\"priority\", \"eta\", \"state\", \"retry\", \"max_retries\", \"active_key\", \"key_until_claim\", "
                + "\"backend_id\", \"timeout_seconds\", \"created_at\") VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, job.function());
            insert.setString(2, job.channel());
            insert.setInt(3, job.priority());
            insert.setObject(4, job.eta() == null ? JobRows.NO_ETA : job.eta());
            insert.setString(5, job.waiting() ? WAITING : PENDING);
            insert.setInt(6, job.maxRetries());
            insert.setString(7, job.identityKey());
            insert.setBoolean(8, job.keyUntilClaim());
            insert.setString(9, job.backendId());
            if (job.timeoutSeconds() == null) {
                insert.setNull(10, Types.INTEGER);
            } else {
                insert.setInt(10, job.timeoutSeconds());
            }
            insert.setObject(11, Sql.now());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong("id");
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"connector_job_payload\" (\"job_id\", \"uuid\", "
                + "\"args\", \"description\", \"identity_key\") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, uuid);
            insert.setString(3, job.args());
            insert.setString(4, job.description());
            insert.setString(5, job.identityKey());
            insert.executeUpdate();
        }
        return id;
    }

    private static Optional<Inserted> activeWithKey(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\", \"uuid\" FROM " + JobRows.JOB_WITH_PAYLOAD
                + " WHERE \"active_key\" = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Inserted(row.getLong(1), row.getString(2), true)) : Optional.empty();
            }
        }
    }
}
