package io.connector.jobs.internal.sql;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

import io.connector.jobs.internal.JobRow;

/** What the job tables' statements share: the columns a runner needs, and how a row becomes a {@link JobRow}. */
final class JobRows {

    /** The eta of a job given none: before every real date, as the reference sorts them. */
    static final LocalDateTime NO_ETA = LocalDateTime.of(1970, 1, 1, 0, 0);

    static final String COLUMNS = "\"id\", \"uuid\", \"function_name\", \"args\", \"channel\", \"retry\", "
            + "\"max_retries\", \"backend_id\", \"timeout_seconds\", \"claim_id\", \"created_at\", \"has_children\"";

    private JobRows() {
    }

    static JobRow row(ResultSet rows) throws SQLException {
        int timeout = rows.getInt("timeout_seconds");
        Integer timeoutSeconds = rows.wasNull() ? null : timeout;
        return new JobRow(rows.getLong("id"), rows.getString("uuid"), rows.getString("function_name"), rows.getString("args"),
                rows.getString("channel"), rows.getInt("retry"), rows.getInt("max_retries"), rows.getString("backend_id"),
                timeoutSeconds, rows.getString("claim_id"), rows.getObject("created_at", LocalDateTime.class),
                rows.getBoolean("has_children"));
    }

    static String trace(Throwable error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
