package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.PENDING;
import static io.connector.store.spi.Sql.marks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.connector.jobs.internal.JobRow;
import io.connector.store.spi.Sql;

/**
 * A claimed job's way to its end, in the caller's transaction. Every transition is conditional
 * on the state it leaves and on the claim, so a late or repeated one changes nothing and says so
 * (false: the claim was lost, its lease expired and another worker has the job).
 */
public final class JobTransitions {

    /** A job that ended done, for {@link #doneAll}. */
    public record Ended(JobRow job, LocalDateTime startedAt, String result) {
    }

    private static final int MAX_RESULT = 100_000;

    private JobTransitions() {
    }

    /**
     * Renews the leases of the jobs this worker is running (not of those past their timeout: a
     * job that ignores its interruption loses its lease, and another node takes it over), and
     * shows those running for a while as started.
     */
    public static void heartbeat(Connection c, String worker, Collection<Long> alive, Map<Long, LocalDateTime> runningSince,
            LocalDateTime leaseUntil) throws SQLException {
        List<Long> ids = List.copyOf(alive);
        if (!ids.isEmpty()) {
            try (PreparedStatement renew = c.prepareStatement("UPDATE \"connector_job\" SET \"lease_until\" = ? WHERE \"worker\" = ? "
                    + "AND \"state\" IN ('claimed', 'started') AND \"id\" IN (" + marks(ids.size()) + ")")) {
                renew.setObject(1, leaseUntil);
                renew.setString(2, worker);
                for (int i = 0; i < ids.size(); i++) {
                    renew.setLong(i + 3, ids.get(i));
                }
                renew.executeUpdate();
            }
        }
        for (Map.Entry<Long, LocalDateTime> job : runningSince.entrySet()) {
            try (PreparedStatement start = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'started', \"started_at\" = ? "
                    + "WHERE \"id\" = ? AND \"worker\" = ? AND \"state\" = 'claimed'")) {
                start.setObject(1, job.getValue());
                start.setLong(2, job.getKey());
                start.setString(3, worker);
                start.executeUpdate();
            }
        }
    }

    /** Done, if it still holds its claim; then the jobs that waited for it and have no other unfinished parent become pending. */
    public static boolean done(Connection c, JobRow job, LocalDateTime startedAt, String result) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"started_at\" = COALESCE(\"started_at\", ?), \"active_key\" = NULL, \"lease_until\" = NULL, "
                + "\"done_by\" = NULL WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, Sql.now());
            update.setObject(2, startedAt);
            update.setLong(3, job.id());
            update.setString(4, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        if (result != null) {
            JobRows.setOutcome(c, job.id(), "result", Sql.truncate(result, MAX_RESULT));
        }
        if (job.hasChildren()) {
            JobDependencies.releaseChildren(c, job.id());
        }
        return true;
    }

    /**
     * Ends several jobs done in one batch of statements, each only if it still holds its claim;
     * returns those that did not (their claim was lost). For jobs without children.
     */
    public static List<JobRow> doneAll(Connection c, List<Ended> ended) throws SQLException {
        if (ended.isEmpty()) {
            return List.of();
        }
        List<JobRow> lost = new ArrayList<>();
        LocalDateTime now = Sql.now();
        List<Ended> withResult = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"started_at\" = COALESCE(\"started_at\", ?), \"active_key\" = NULL, \"lease_until\" = NULL "
                + "WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            for (Ended e : ended) {
                update.setObject(1, now);
                update.setObject(2, e.startedAt());
                update.setLong(3, e.job().id());
                update.setString(4, e.job().claimId());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    lost.add(ended.get(i).job());
                } else if (ended.get(i).result() != null) {
                    withResult.add(ended.get(i));
                }
            }
        }
        // A job that returned nothing leaves its payload row as it was written.
        if (!withResult.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job_payload\" SET \"result\" = ? "
                    + "WHERE \"job_id\" = ?")) {
                for (Ended e : withResult) {
                    update.setString(1, Sql.truncate(e.result(), MAX_RESULT));
                    update.setLong(2, e.job().id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return lost;
    }

    /** Back to pending at {@code eta}, counting the try or not. */
    public static boolean retry(Connection c, JobRow job, String worker, LocalDateTime eta, boolean counted, String why)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"eta\" = ?, "
                + "\"retry\" = \"retry\" + ?, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL "
                + "WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, eta);
            update.setInt(2, counted ? 1 : 0);
            update.setLong(3, job.id());
            update.setString(4, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        JobRows.setOutcome(c, job.id(), "error_message", Sql.truncate(why, MAX_RESULT));
        JobHistory.add(c, job.id(), PENDING, worker, "try " + (job.retry() + 1) + " ended; next not before " + eta + " UTC: " + why);
        return true;
    }

    /**
     * A job just inserted, failed at once with its error and one try counted, never claimed:
     * {@code JobBuilder.delayFailed}.
     */
    public static void failedWithoutRun(Connection c, long jobId, Throwable error, String message) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'failed', \"ended_at\" = ?, "
                + "\"retry\" = 1, \"active_key\" = NULL WHERE \"id\" = ?")) {
            update.setObject(1, Sql.now());
            update.setLong(2, jobId);
            update.executeUpdate();
        }
        JobRows.setError(c, jobId, error, message, MAX_RESULT);
    }

    /** Failed, with the error's class, message and stack trace kept. */
    public static boolean failed(Connection c, JobRow job, Throwable error, String message, int retry) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'failed', \"ended_at\" = ?, "
                + "\"retry\" = ?, \"active_key\" = NULL, \"lease_until\" = NULL WHERE \"id\" = ? AND \"claim_id\" = ? "
                + "AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, Sql.now());
            update.setInt(2, retry);
            update.setLong(3, job.id());
            update.setString(4, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        JobRows.setError(c, job.id(), error, message, MAX_RESULT);
        return true;
    }
}
