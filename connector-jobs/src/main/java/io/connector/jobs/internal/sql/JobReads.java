package io.connector.jobs.internal.sql;

import static io.connector.api.job.JobState.CLAIMED;
import static io.connector.api.job.JobState.DONE;
import static io.connector.api.job.JobState.FAILED;
import static io.connector.api.job.JobState.STARTED;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import io.connector.store.spi.Database;
import io.connector.store.spi.Sql;

/** The jobs as the shell, the waiter and the MBean read them. */
public final class JobReads {

    private JobReads() {
    }

    /** Counts per (channel, state). */
    public static Map<String, Map<String, Long>> counts(Connection c) throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery(
                "SELECT \"channel\", \"state\", COUNT(*) FROM \"connector_job\" GROUP BY \"channel\", \"state\"")) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
            }
        }
        return counts;
    }

    /** Jobs newest first, with the given filters (null for any). */
    public static List<JobView> list(Connection c, String state, String channel, String backendId, String function, int limit)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (state != null) {
            conditions.add("\"state\" = ?");
            params.add(state);
        }
        if (channel != null) {
            conditions.add("\"channel\" = ?");
            params.add(channel);
        }
        if (backendId != null) {
            conditions.add("\"backend_id\" = ?");
            params.add(backendId);
        }
        if (function != null) {
            conditions.add("\"function_name\" = ?");
            params.add(function);
        }
        String sql = "SELECT * FROM " + JobRows.JOB_WITH_PAYLOAD + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY \"id\" DESC LIMIT " + limit;
        return views(c, sql, params);
    }

    /**
     * Jobs ended done or failed since {@code since}, per minute. The database truncates and counts
     * (DATE_TRUNC means the same on H2 and PostgreSQL) over the index on ended_at: an hour of a busy
     * queue is millions of rows, which must not cross the wire to be counted.
     */
    public static List<JobAdmin.Minute> endedPerMinute(Connection c, LocalDateTime since) throws SQLException {
        java.util.TreeMap<LocalDateTime, long[]> minutes = new java.util.TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DATE_TRUNC('minute', \"ended_at\") AS \"minute\", \"state\", "
                + "COUNT(*) AS \"jobs\" FROM \"connector_job\" WHERE \"ended_at\" >= ? AND \"state\" IN (?, ?) "
                + "GROUP BY DATE_TRUNC('minute', \"ended_at\"), \"state\"")) {
            select.setObject(1, since);
            select.setString(2, DONE);
            select.setString(3, FAILED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long[] counts = minutes.computeIfAbsent(rows.getObject("minute", LocalDateTime.class), m -> new long[2]);
                    counts[rows.getString("state").equals(DONE) ? 0 : 1] += rows.getLong("jobs");
                }
            }
        }
        return minutes.entrySet().stream().map(e -> new JobAdmin.Minute(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** A job as {@link #view} reads it, and whether its identity key holds only until its claim. */
    public record Detail(JobView view, boolean keyUntilClaim) {
    }

    /** One job with its whole history: the history table's events and the times its row holds. */
    public static Optional<JobView> view(Connection c, String uuid) throws SQLException {
        return detail(c, uuid).map(Detail::view);
    }

    /** {@link #view}, with what the view does not say, from the same row: for connector:job. */
    public static Optional<Detail> detail(Connection c, String uuid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + JobRows.JOB_WITH_PAYLOAD + " WHERE \"uuid\" = ?")) {
            select.setString(1, uuid);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<JobView.Event> events = new ArrayList<>();
                events.add(new JobView.Event(rows.getObject("created_at", LocalDateTime.class), "created", null, null));
                events.addAll(history(c, rows.getLong("id")));
                addRowEvents(rows, events);
                events.sort(Comparator.comparing(JobView.Event::at));
                return Optional.of(new Detail(view(rows, events), rows.getBoolean("key_until_claim")));
            }
        }
    }

    private static List<JobView.Event> history(Connection c, long jobId) throws SQLException {
        List<JobView.Event> events = new ArrayList<>();
        try (PreparedStatement history = c.prepareStatement("SELECT \"at\", \"state\", \"worker\", \"note\" FROM "
                + "\"connector_job_history\" WHERE \"job_id\" = ? ORDER BY \"id\"")) {
            history.setLong(1, jobId);
            try (ResultSet h = history.executeQuery()) {
                while (h.next()) {
                    events.add(new JobView.Event(h.getObject(1, LocalDateTime.class), h.getString(2), h.getString(3), h.getString(4)));
                }
            }
        }
        return events;
    }

    /** The row holds the times of the latest try; earlier tries are history events. */
    private static void addRowEvents(ResultSet rows, List<JobView.Event> events) throws SQLException {
        String worker = rows.getString("worker");
        String state = rows.getString("state");
        LocalDateTime claimed = rows.getObject("claimed_at", LocalDateTime.class);
        LocalDateTime started = rows.getObject("started_at", LocalDateTime.class);
        LocalDateTime ended = rows.getObject("ended_at", LocalDateTime.class);
        LocalDateTime lastEvent = events.size() == 1 ? LocalDateTime.MIN : events.get(events.size() - 1).at();
        if (claimed != null && !claimed.isBefore(lastEvent)) {
            events.add(new JobView.Event(claimed, CLAIMED, worker, null));
        }
        if (started != null && claimed != null && !started.isBefore(claimed)) {
            events.add(new JobView.Event(started, STARTED, worker, null));
        }
        if (ended != null && (state.equals(DONE) || state.equals(FAILED)) && !ended.isBefore(lastEvent)) {
            events.add(new JobView.Event(ended, state, worker, state.equals(FAILED) ? rows.getString("error_message")
                    : rows.getString("done_by") != null ? "set done by " + rows.getString("done_by") : null));
        }
    }

    private static JobView view(ResultSet rows, List<JobView.Event> history) throws SQLException {
        LocalDateTime eta = rows.getObject("eta", LocalDateTime.class);
        return new JobView(rows.getString("uuid"), rows.getString("function_name"), rows.getString("state"),
                rows.getString("channel"), rows.getInt("priority"), JobRows.NO_ETA.equals(eta) ? null : eta, rows.getInt("retry"),
                rows.getInt("max_retries"), rows.getString("description"), rows.getString("args"), rows.getString("backend_id"),
                rows.getString("identity_key"), rows.getString("worker"), rows.getObject("created_at", LocalDateTime.class),
                rows.getObject("started_at", LocalDateTime.class), rows.getObject("ended_at", LocalDateTime.class),
                rows.getString("result"), rows.getString("error_class"), rows.getString("error_message"),
                rows.getString("error_trace"), rows.getString("done_by"), history);
    }

    /** Uuids of the failed jobs, oldest first. */
    public static List<String> failedUuids(Connection c) throws SQLException {
        List<String> uuids = new ArrayList<>();
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery(
                "SELECT \"uuid\" FROM " + JobRows.JOB_WITH_PAYLOAD + " WHERE \"state\" = 'failed' ORDER BY \"id\"")) {
            while (rows.next()) {
                uuids.add(rows.getString(1));
            }
        }
        return uuids;
    }

    /**
     * Jobs per state among those of a backend (null: any) created at or after {@code createdSince}
     * (null: any): every unfinished one, and the finished ones that ended at or after
     * {@code endedSince} (required), which the ended index finds without reading the older ones.
     * One statement, so that a job ending meanwhile is counted once.
     */
    public static Map<String, Long> countByState(Connection c, String backendId, LocalDateTime createdSince,
            LocalDateTime endedSince) throws SQLException {
        // Left to choose, H2 reads the finished jobs through the claim index (every done job the
        // retention keeps) and a backend's unfinished ones through the backend index (its whole
        // history): the hints point it to the indexes that read only the jobs counted.
        boolean h2 = Database.of(c) == Database.H2;
        List<Object> params = new ArrayList<>();
        String unfinished = "SELECT \"state\", COUNT(*) FROM \"connector_job\"" + (h2 ? " USE INDEX (\"ix_connector_job_claim\")" : "")
                + " WHERE \"state\" IN ('waiting', 'pending', 'claimed', 'started')" + scope(backendId, createdSince, params)
                + " GROUP BY \"state\"";
        params.add(endedSince);
        String finished = "SELECT \"state\", COUNT(*) FROM \"connector_job\"" + (h2 ? " USE INDEX (\"ix_connector_job_ended\")" : "")
                + " WHERE \"ended_at\" >= ? AND \"state\" IN ('done', 'failed', 'cancelled')" + scope(backendId, createdSince, params)
                + " GROUP BY \"state\"";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(unfinished + " UNION ALL " + finished)) {
            Sql.bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * How many waiting jobs of a backend (null: any) created at or after {@code createdSince}
     * (null: any) wait for a failed job, directly or through other waiting jobs: they never run
     * unless an operator retries that job or sets it done.
     */
    public static long countBlocked(Connection c, String backendId, LocalDateTime createdSince) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "WITH RECURSIVE \"blocked\" (\"id\") AS ("
                + "SELECT d.\"job_id\" FROM \"connector_job\" p JOIN \"connector_job_dependency\" d ON d.\"parent_id\" = p.\"id\" "
                + "JOIN \"connector_job\" w ON w.\"id\" = d.\"job_id\" WHERE p.\"state\" = 'failed' AND w.\"state\" = 'waiting' "
                + "UNION SELECT d.\"job_id\" FROM \"blocked\" b JOIN \"connector_job_dependency\" d ON d.\"parent_id\" = b.\"id\" "
                + "JOIN \"connector_job\" w ON w.\"id\" = d.\"job_id\" WHERE w.\"state\" = 'waiting') "
                + "SELECT COUNT(*) FROM \"connector_job\" WHERE \"id\" IN (SELECT \"id\" FROM \"blocked\")"
                + scope(backendId, createdSince, params);
        return countOf(c, sql, params);
    }

    /**
     * How many pending jobs of {@link #countBlocked}'s set are due after {@code dueAfter}:
     * postponed (waiting for a payment, say), not about to run.
     */
    public static long countPostponed(Connection c, String backendId, LocalDateTime createdSince, LocalDateTime dueAfter)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(dueAfter);
        String sql = "SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" = 'pending' AND \"eta\" > ?"
                + scope(backendId, createdSince, params);
        return countOf(c, sql, params);
    }

    private static long countOf(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Sql.bind(select, params);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The failed jobs of {@link #countByState}'s set that ended at or after {@code endedSince}, in the order they ended. */
    public static List<JobView> listFailed(Connection c, String backendId, LocalDateTime createdSince, LocalDateTime endedSince,
            int limit) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(endedSince));
        String sql = "SELECT * FROM " + JobRows.JOB_WITH_PAYLOAD + " WHERE \"ended_at\" >= ? AND \"state\" = 'failed'"
                + scope(backendId, createdSince, params) + " ORDER BY \"ended_at\", \"id\" LIMIT " + limit;
        return views(c, sql, params);
    }

    /** The conditions " AND ..." restricting a search to a backend and a creation time, when given. */
    private static String scope(String backendId, LocalDateTime createdSince, List<Object> params) {
        StringBuilder conditions = new StringBuilder();
        if (backendId != null) {
            conditions.append(" AND \"backend_id\" = ?");
            params.add(backendId);
        }
        if (createdSince != null) {
            conditions.append(" AND \"created_at\" >= ?");
            params.add(createdSince);
        }
        return conditions.toString();
    }

    /** The jobs {@code sql} selects (whole rows), without their history. */
    private static List<JobView> views(Connection c, String sql, List<Object> params) throws SQLException {
        List<JobView> views = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Sql.bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    views.add(view(rows, List.of()));
                }
            }
        }
        return views;
    }
}
