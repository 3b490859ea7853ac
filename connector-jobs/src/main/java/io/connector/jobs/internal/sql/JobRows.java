package io.connector.jobs.internal.sql;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;

import io.connector.jobs.internal.JobRow;
import io.connector.store.spi.Sql;

/**
 * What the job tables' statements share: the columns a runner needs, and how a row becomes a
 * {@link JobRow}. A job is two rows: its state in {@code connector_job}, rewritten at every
 * state change, and what it is and what came of it in {@code connector_job_payload}.
 */
final class JobRows {

    /** The eta of a job given none: before every real date, as the reference sorts them. */
    static final LocalDateTime NO_ETA = LocalDateTime.of(1970, 1, 1, 0, 0);

    /** What a runner needs of a job, from both its rows ({@link #JOB_WITH_PAYLOAD}). */
    static final String RUNNER_COLUMNS = "\"id\", \"uuid\", \"function_name\", \"args\", \"channel\", \"retry\", "
            + "\"max_retries\", \"backend_id\", \"timeout_seconds\", \"claim_id\", \"created_at\", \"has_children\"";

    /** Both rows of a job, for reading whole jobs: {@code SELECT * FROM} this. */
    static final String JOB_WITH_PAYLOAD = "\"connector_job\" JOIN \"connector_job_payload\" ON \"job_id\" = \"id\"";

    private JobRows() {
    }

    /**
     * Job ids as one parameter, for {@code "id" = ANY(?)}: the statement's text stays the same
     * whatever their number, so the database parses it once per connection, not once per claim.
     */
    static Array idArray(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("BIGINT", ids.toArray());
    }

    /** A runner's row from {@link #RUNNER_COLUMNS}. */
    static JobRow runnerRow(ResultSet rows) throws SQLException {
        int timeout = rows.getInt("timeout_seconds");
        Integer timeoutSeconds = rows.wasNull() ? null : timeout;
        return new JobRow(rows.getLong("id"), rows.getString("uuid"), rows.getString("function_name"), rows.getString("args"),
                rows.getString("channel"), rows.getInt("retry"), rows.getInt("max_retries"), rows.getString("backend_id"),
                timeoutSeconds, rows.getString("claim_id"), rows.getObject("created_at", LocalDateTime.class),
                rows.getBoolean("has_children"));
    }

    /** Sets what came of a job, on its payload row. */
    static void setOutcome(Connection c, long jobId, String column, String value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job_payload\" SET \"" + column + "\" = ? "
                + "WHERE \"job_id\" = ?")) {
            update.setString(1, value);
            update.setLong(2, jobId);
            update.executeUpdate();
        }
    }

    /** Sets a failed job's error on its payload row. */
    static void setError(Connection c, long jobId, Throwable error, String message, int maxLength) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job_payload\" SET \"error_class\" = ?, "
                + "\"error_message\" = ?, \"error_trace\" = ? WHERE \"job_id\" = ?")) {
            update.setString(1, error == null ? null : error.getClass().getName());
            update.setString(2, Sql.truncate(message, maxLength));
            update.setString(3, error == null ? null : Sql.truncate(trace(error), 2 * maxLength));
            update.setLong(4, jobId);
            update.executeUpdate();
        }
    }

    static String trace(Throwable error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
