package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.FAILED;
import static io.connector.api.job.JobState.PENDING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.connector.store.spi.Sql;

/** Jobs whose worker went away, and done jobs past their retention. */
public final class JobReaper {

    /** A claimed or started job found to have lost its worker. */
    private record Orphan(long id, int retry, int maxRetries, String worker) {
    }

    private JobReaper() {
    }

    /**
     * Jobs whose lease expired (their worker died, or hangs) go back to pending with the try
     * counted, or fail when that was their last.
     */
    public static int reapExpired(Connection c) throws SQLException {
        return reap(c, "\"lease_until\" < ?", List.of(Sql.now()), "lease expired: its worker stopped answering");
    }

    /** A node starting again takes back, at once, what its previous run held. */
    public static int reapWorkers(Connection c, String workerPrefix, String currentWorker) throws SQLException {
        return reap(c, "\"worker\" LIKE ? AND \"worker\" <> ?", List.of(workerPrefix + "%", currentWorker),
                "its worker " + workerPrefix + " restarted");
    }

    private static int reap(Connection c, String condition, List<Object> params, String why) throws SQLException {
        List<Orphan> orphans = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\", \"retry\", \"max_retries\", \"worker\" FROM \"connector_job\" "
                + "WHERE \"state\" IN ('claimed', 'started') AND " + condition + " FOR UPDATE SKIP LOCKED")) {
            Sql.bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orphans.add(new Orphan(rows.getLong(1), rows.getInt(2), rows.getInt(3), rows.getString(4)));
                }
            }
        }
        for (Orphan orphan : orphans) {
            int retry = orphan.retry() + 1;
            String note = why + " (" + orphan.worker() + ")";
            if (orphan.maxRetries() > 0 && retry >= orphan.maxRetries()) {
                String message = "Max. retries (" + orphan.maxRetries() + ") reached: " + note;
                try (PreparedStatement fail = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'failed', \"retry\" = ?, "
                        + "\"ended_at\" = ?, \"active_key\" = NULL, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL "
                        + "WHERE \"id\" = ?")) {
                    fail.setInt(1, retry);
                    fail.setObject(2, Sql.now());
                    fail.setLong(3, orphan.id());
                    fail.executeUpdate();
                }
                JobRows.setOutcome(c, orphan.id(), "error_message", message);
                JobHistory.add(c, orphan.id(), FAILED, null, message);
            } else {
                try (PreparedStatement requeue = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"retry\" = ?, "
                        + "\"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL WHERE \"id\" = ?")) {
                    requeue.setInt(1, retry);
                    requeue.setLong(2, orphan.id());
                    requeue.executeUpdate();
                }
                JobHistory.add(c, orphan.id(), PENDING, null, note);
            }
        }
        return orphans.size();
    }

    /**
     * The pending jobs of {@code function} that wait because it was not registered become due
     * now: they run as soon as its bundle is there, not at their next try.
     */
    public static int releaseWaitingFor(Connection c, String function, String notRegistered) throws SQLException {
        try (PreparedStatement release = c.prepareStatement("UPDATE \"connector_job\" j SET \"eta\" = ? WHERE \"function_name\" = ? "
                + "AND \"state\" = 'pending' AND \"eta\" > ? AND EXISTS (SELECT 1 FROM \"connector_job_payload\" p "
                + "WHERE p.\"job_id\" = j.\"id\" AND p.\"error_message\" LIKE ?)")) {
            LocalDateTime now = Sql.now();
            release.setObject(1, now);
            release.setString(2, function);
            release.setObject(3, now);
            release.setString(4, notRegistered.replace("%", "\\%").replace("_", "\\_") + "%");
            return release.executeUpdate();
        }
    }

    /** Removes done jobs that ended before {@code before}, with their history. */
    public static int removeDone(Connection c, LocalDateTime before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM \"connector_job\" WHERE \"state\" = 'done' AND \"ended_at\" < ?")) {
            delete.setObject(1, before);
            return delete.executeUpdate();
        }
    }
}
