package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.CANCELLED;
import static io.connector.api.job.JobState.DONE;
import static io.connector.api.job.JobState.PENDING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.connector.store.spi.Database;
import io.connector.store.spi.Sql;

/** What operators do to jobs, recording who did it. */
public final class JobOperations {

    private JobOperations() {
    }

    /** An unknown job uuid. */
    public static final class NoSuchJobException extends SQLException {
        private static final long serialVersionUID = 1L;

        NoSuchJobException(String message) {
            super(message);
        }
    }

    /**
     * Failed or cancelled back to pending, with its retries counted from zero again, and its
     * identity key active again. When another active job holds that key, a job with an ordinary
     * identity key is not requeued (an error says why); one whose key holds only until its claim
     * is requeued without it, as a job claimed meanwhile would be: it runs, and so does the other.
     */
    public static boolean requeue(Connection c, String uuid, String by) throws SQLException {
        Requeued job = requeuedJob(c, uuid);
        // Only where the error has a way out: on PostgreSQL a failed statement would otherwise end
        // the whole transaction.
        Savepoint savepoint = job.keyUntilClaim() ? c.setSavepoint() : null;
        boolean withKey = true;
        int updated;
        try {
            updated = requeueRow(c, job.id(), true);
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            if (savepoint == null) {
                throw new SQLException("Job " + uuid + " cannot be requeued: another job with its identity key is active", "23505", e);
            }
            c.rollback(savepoint);
            withKey = false;
            updated = requeueRow(c, job.id(), false);
        }
        if (updated != 1) {
            return false;
        }
        JobHistory.add(c, job.id(), PENDING, null, "requeued by " + by
                + (withKey ? "" : " without its identity key: another active job holds it"));
        return true;
    }

    /** A job to requeue: its id, and whether its identity key holds only until its claim. */
    private record Requeued(long id, boolean keyUntilClaim) {
    }

    private static Requeued requeuedJob(Connection c, String uuid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\", \"key_until_claim\" FROM " + JobRows.JOB_WITH_PAYLOAD
                + " WHERE \"uuid\" = ?")) {
            select.setString(1, uuid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchJobException("No job with uuid " + uuid);
                }
                return new Requeued(row.getLong(1), row.getBoolean(2));
            }
        }
    }

    /** Sets a failed or cancelled job pending, with its identity key active again or not. */
    private static int requeueRow(Connection c, long id, boolean withKey) throws SQLException {
        String activeKey = withKey ? "(SELECT \"identity_key\" FROM \"connector_job_payload\" WHERE \"job_id\" = ?)" : "NULL";
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"retry\" = 0, "
                + "\"eta\" = ?, \"ended_at\" = NULL, \"active_key\" = " + activeKey + ", \"worker\" = NULL, \"claim_id\" = NULL "
                + "WHERE \"id\" = ? AND \"state\" IN ('failed', 'cancelled')")) {
            int i = 1;
            update.setObject(i++, JobRows.NO_ETA);
            if (withKey) {
                update.setLong(i++, id);
            }
            update.setLong(i, id);
            return update.executeUpdate();
        }
    }

    /**
     * Every pending job of a backend (null: any) due after {@code dueAfter} (postponed: an order
     * waiting for its payment) made due now, its history saying by whom; returns how many.
     */
    public static int runPostponed(Connection c, String backendId, LocalDateTime dueAfter, String by) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\" FROM \"connector_job\" WHERE \"state\" = 'pending' "
                + "AND \"eta\" > ?" + (backendId == null ? "" : " AND \"backend_id\" = ?"))) {
            select.setObject(1, dueAfter);
            if (backendId != null) {
                select.setString(2, backendId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        int count = 0;
        for (long id : ids) {
            try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"eta\" = ? WHERE \"id\" = ? "
                    + "AND \"state\" = 'pending'")) {
                update.setObject(1, JobRows.NO_ETA);
                update.setLong(2, id);
                if (update.executeUpdate() == 1) {
                    JobHistory.add(c, id, PENDING, null, "run now by " + by);
                    count++;
                }
            }
        }
        return count;
    }

    /** Cancels a job that has not run yet (or failed), and every job waiting on it. */
    public static List<String> cancel(Connection c, String uuid, String by) throws SQLException {
        List<String> cancelled = new ArrayList<>();
        List<Long> todo = new ArrayList<>(List.of(idOf(c, uuid)));
        Set<Long> visited = new HashSet<>();
        boolean first = true;
        while (!todo.isEmpty()) {
            long id = todo.remove(0);
            if (!visited.add(id)) {
                continue;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'cancelled', \"ended_at\" = ?, "
                    + "\"active_key\" = NULL WHERE \"id\" = ? AND \"state\" IN ('waiting', 'pending', 'failed')")) {
                update.setObject(1, Sql.now());
                update.setLong(2, id);
                if (update.executeUpdate() != 1) {
                    if (first) {
                        return cancelled;
                    }
                    continue;
                }
            }
            first = false;
            JobHistory.add(c, id, CANCELLED, null, "cancelled by " + by);
            cancelled.add(uuidOf(c, id));
            todo.addAll(childrenOf(c, id));
        }
        return cancelled;
    }

    /** Sets a job done by hand, recording who; the jobs waiting on it go on. */
    public static boolean markDone(Connection c, String uuid, String by) throws SQLException {
        long id = idOf(c, uuid);
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"active_key\" = NULL, \"done_by\" = ?, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL "
                + "WHERE \"id\" = ? AND \"state\" IN ('waiting', 'pending', 'failed', 'cancelled')")) {
            update.setObject(1, Sql.now());
            update.setString(2, by);
            update.setLong(3, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        JobHistory.add(c, id, DONE, null, "set done by " + by);
        JobDependencies.releaseChildren(c, id);
        return true;
    }

    private static List<Long> childrenOf(Connection c, long id) throws SQLException {
        List<Long> children = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT \"job_id\" FROM \"connector_job_dependency\" WHERE \"parent_id\" = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    children.add(rows.getLong(1));
                }
            }
        }
        return children;
    }

    private static long idOf(Connection c, String uuid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"job_id\" FROM \"connector_job_payload\" WHERE \"uuid\" = ?")) {
            select.setString(1, uuid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchJobException("No job with uuid " + uuid);
                }
                return row.getLong(1);
            }
        }
    }

    private static String uuidOf(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"uuid\" FROM \"connector_job_payload\" WHERE \"job_id\" = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
