package io.connector.jobs.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.connector.store.spi.Sql;

/**
 * What a job's row cannot hold: each retry with its reason, expired leases, what operators did.
 * The row itself holds when the job was created, claimed, started and ended.
 */
final class JobHistory {

    private JobHistory() {
    }

    static void add(Connection c, long jobId, String state, String worker, String note) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"connector_job_history\" (\"job_id\", \"at\", \"state\", "
                + "\"worker\", \"note\") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, jobId);
            insert.setObject(2, Sql.now());
            insert.setString(3, state);
            insert.setString(4, worker);
            insert.setString(5, note == null ? null : Sql.truncate(note, 2000));
            insert.executeUpdate();
        }
    }
}
