package io.connector.core.job;

import static io.connector.core.job.JobState.CANCELLED;
import static io.connector.core.job.JobState.CLAIMED;
import static io.connector.core.job.JobState.DONE;
import static io.connector.core.job.JobState.FAILED;
import static io.connector.core.job.JobState.PENDING;
import static io.connector.core.job.JobState.STARTED;
import static io.connector.core.job.JobState.WAITING;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.connector.core.job.ChannelTree.Candidate;
import io.connector.core.job.ChannelTree.Channel;
import io.connector.core.schema.Dialect;

/**
 * The job tables, in the caller's transaction. Every transition is conditional on the state it
 * leaves (and, for a claimed job, on the claim), so a late or repeated transition changes
 * nothing and says so.
 */
public final class JobStore {

    /** The eta of a job given none: before every real date, as the reference sorts them. */
    public static final LocalDateTime NO_ETA = LocalDateTime.of(1970, 1, 1, 0, 0);

    private static final String COLUMNS = "\"id\", \"uuid\", \"function_name\", \"args\", \"channel\", \"retry\", "
            + "\"max_retries\", \"backend_id\", \"timeout_seconds\", \"claim_id\", \"created_at\", \"has_children\"";

    /** A job to insert. */
    public record NewJob(String function, String args, String description, String channel, int priority,
            LocalDateTime eta, int maxRetries, String identityKey, String backendId, Integer timeoutSeconds,
            boolean waiting) {
    }

    /** The result of an insert: the job's id and uuid, or those of the active job with its identity key. */
    public record Inserted(long id, String uuid, boolean existing) {
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- delay

    public Inserted insert(Connection c, NewJob job) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Savepoint savepoint = job.identityKey() == null ? null : c.setSavepoint();
            try {
                String uuid = UUID.randomUUID().toString();
                LocalDateTime now = now();
                long id;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"connector_job\" (\"uuid\", \"function_name\", "
                        + "\"args\", \"description\", \"channel\", \"priority\", \"eta\", \"state\", \"retry\", \"max_retries\", "
                        + "\"identity_key\", \"active_key\", \"backend_id\", \"timeout_seconds\", \"created_at\") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, uuid);
                    insert.setString(2, job.function());
                    insert.setString(3, job.args());
                    insert.setString(4, job.description());
                    insert.setString(5, job.channel());
                    insert.setInt(6, job.priority());
                    insert.setObject(7, job.eta() == null ? NO_ETA : job.eta());
                    insert.setString(8, job.waiting() ? WAITING : PENDING);
                    insert.setInt(9, job.maxRetries());
                    insert.setString(10, job.identityKey());
                    insert.setString(11, job.identityKey());
                    insert.setString(12, job.backendId());
                    if (job.timeoutSeconds() == null) {
                        insert.setNull(13, java.sql.Types.INTEGER);
                    } else {
                        insert.setInt(13, job.timeoutSeconds());
                    }
                    insert.setObject(14, now);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                }
                if (savepoint != null) {
                    c.releaseSavepoint(savepoint);
                }
                return new Inserted(id, uuid, false);
            } catch (SQLException e) {
                if (savepoint == null || !Dialect.isUniqueViolation(e)) {
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

    private Optional<Inserted> activeWithKey(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\", \"uuid\" FROM \"connector_job\" WHERE \"active_key\" = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Inserted(row.getLong(1), row.getString(2), true)) : Optional.empty();
            }
        }
    }

    public void addDependency(Connection c, long jobId, long parentId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO \"connector_job_dependency\" (\"job_id\", \"parent_id\") VALUES (?, ?)")) {
            insert.setLong(1, jobId);
            insert.setLong(2, parentId);
            insert.executeUpdate();
        }
        try (PreparedStatement parent = c.prepareStatement(
                "UPDATE \"connector_job\" SET \"has_children\" = TRUE WHERE \"id\" = ?")) {
            parent.setLong(1, parentId);
            parent.executeUpdate();
        }
    }

    /** A job delayed as waiting whose parents are all done already becomes pending. */
    public void releaseIfReady(Connection c, long jobId) throws SQLException {
        try (PreparedStatement release = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending' WHERE \"id\" = ? "
                + "AND \"state\" = 'waiting' AND NOT EXISTS (SELECT 1 FROM \"connector_job_dependency\" d JOIN \"connector_job\" p "
                + "ON p.\"id\" = d.\"parent_id\" WHERE d.\"job_id\" = ? AND p.\"state\" <> 'done')")) {
            release.setLong(1, jobId);
            release.setLong(2, jobId);
            if (release.executeUpdate() == 1) {
                history(c, jobId, PENDING, null, "its dependencies are done");
            }
        }
    }

    void history(Connection c, long jobId, String state, String worker, String note) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"connector_job_history\" (\"job_id\", \"at\", \"state\", "
                + "\"worker\", \"note\") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, jobId);
            insert.setObject(2, now());
            insert.setString(3, state);
            insert.setString(4, worker);
            insert.setString(5, note == null ? null : truncate(note, 2000));
            insert.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- claim

    /**
     * Claims up to {@code slots} pending jobs that their channels allow to start now, for
     * {@code worker}, leased until {@code leaseUntil}. Claimers of every node lock one row first,
     * so channel capacities hold across nodes; the jobs themselves are read with
     * {@code FOR UPDATE SKIP LOCKED}, and claimed only while still pending.
     */
    public List<JobRow> claim(Connection c, ChannelTree tree, String worker, LocalDateTime leaseUntil, int slots)
            throws SQLException {
        if (slots <= 0) {
            return List.of();
        }
        try (Statement lock = c.createStatement()) {
            lock.executeQuery("SELECT \"name\" FROM \"connector_job_channel\" WHERE \"name\" = '*lock*' FOR UPDATE").close();
        }
        LocalDateTime now = now();
        Instant instant = now.toInstant(ZoneOffset.UTC);
        Map<String, Integer> running = new HashMap<>();
        try (Statement count = c.createStatement(); ResultSet rows = count.executeQuery("SELECT \"channel\", COUNT(*) FROM "
                + "\"connector_job\" WHERE \"state\" IN ('claimed', 'started') GROUP BY \"channel\"")) {
            while (rows.next()) {
                running.put(rows.getString(1), rows.getInt(2));
            }
        }
        Set<String> stoppedSequential = new HashSet<>();
        List<String> sequential = tree.channels().stream().filter(Channel::sequential).map(Channel::name).toList();
        if (!sequential.isEmpty()) {
            try (PreparedStatement failed = c.prepareStatement("SELECT DISTINCT \"channel\" FROM \"connector_job\" WHERE "
                    + "\"state\" = 'failed' AND \"channel\" IN (" + marks(sequential.size()) + ")")) {
                for (int i = 0; i < sequential.size(); i++) {
                    failed.setString(i + 1, sequential.get(i));
                }
                try (ResultSet rows = failed.executeQuery()) {
                    while (rows.next()) {
                        stoppedSequential.add(rows.getString(1));
                    }
                }
            }
        }
        Map<String, Instant> lastStart = new HashMap<>();
        try (Statement starts = c.createStatement(); ResultSet rows = starts.executeQuery(
                "SELECT \"name\", \"last_start\" FROM \"connector_job_channel\" WHERE \"last_start\" IS NOT NULL")) {
            while (rows.next()) {
                lastStart.put(rows.getString(1), rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
            }
        }
        Map<String, Integer> load = tree.load(running);
        Map<String, Instant> starts = new HashMap<>(lastStart);
        List<Candidate> picked = new ArrayList<>();
        Map<Long, JobRow> rowsById = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (int round = 0; round <= tree.channels().size() && picked.size() < slots; round++) {
            Set<String> closed = tree.closed(load, stoppedSequential, starts, instant);
            if (closed.contains(ChannelTree.ROOT)) {
                break;
            }
            List<Candidate> candidates = candidates(c, closed, now, (slots - picked.size()) * 4, rowsById);
            candidates.removeIf(candidate -> seen.contains(candidate.id()));
            if (candidates.isEmpty()) {
                break;
            }
            candidates.forEach(candidate -> seen.add(candidate.id()));
            List<Candidate> chosen = tree.pick(candidates, load, stoppedSequential, starts, instant, slots - picked.size());
            picked.addAll(chosen);
            if (chosen.isEmpty() && candidates.size() < (slots - picked.size()) * 4) {
                break;
            }
        }
        if (picked.isEmpty()) {
            return List.of();
        }
        String claimId = UUID.randomUUID().toString();
        List<Long> ids = picked.stream().map(Candidate::id).toList();
        int updated;
        // One statement for the whole claim. "state" || '' keeps H2 from choosing the state index
        // for the condition, which would walk every pending job: the ids go by primary key.
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'claimed', \"worker\" = ?, "
                + "\"claim_id\" = ?, \"lease_until\" = ?, \"claimed_at\" = ? WHERE \"id\" IN (" + marks(ids.size())
                + ") AND \"state\" || '' = 'pending'")) {
            update.setString(1, worker);
            update.setString(2, claimId);
            update.setObject(3, leaseUntil);
            update.setObject(4, now());
            for (int i = 0; i < ids.size(); i++) {
                update.setLong(i + 5, ids.get(i));
            }
            updated = update.executeUpdate();
        }
        Set<Long> ours = new HashSet<>(ids);
        if (updated < ids.size()) {
            // An operator cancelled or ended one of them meanwhile: keep those that are ours.
            ours.clear();
            try (PreparedStatement select = c.prepareStatement("SELECT \"id\" FROM \"connector_job\" WHERE \"id\" IN ("
                    + marks(ids.size()) + ") AND \"claim_id\" || '' = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    select.setLong(i + 1, ids.get(i));
                }
                select.setString(ids.size() + 1, claimId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ours.add(rows.getLong(1));
                    }
                }
            }
        }
        List<JobRow> claimed = new ArrayList<>();
        for (Long id : ids) {
            if (ours.contains(id)) {
                JobRow row = rowsById.get(id);
                claimed.add(new JobRow(row.id(), row.uuid(), row.function(), row.args(), row.channel(), row.retry(),
                        row.maxRetries(), row.backendId(), row.timeoutSeconds(), claimId, row.createdAt(), row.hasChildren()));
            }
        }
        for (Map.Entry<String, Instant> start : starts.entrySet()) {
            if (!start.getValue().equals(lastStart.get(start.getKey()))) {
                recordStart(c, start.getKey(), LocalDateTime.ofInstant(start.getValue(), ZoneOffset.UTC));
            }
        }
        return claimed;
    }

    private List<Candidate> candidates(Connection c, Set<String> closed, LocalDateTime now, int limit,
            Map<Long, JobRow> rowsById) throws SQLException {
        List<String> excluded = new ArrayList<>(closed);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM \"connector_job\" WHERE \"state\" = 'pending' "
                + "AND \"eta\" <= ?");
        if (!excluded.isEmpty()) {
            sql.append(" AND \"channel\" NOT IN (").append(marks(excluded.size())).append(")");
        }
        // "state" leads the order although it is fixed: H2 reads the claim index in order only when
        // the order names its columns from the first; PostgreSQL drops the constant itself.
        sql.append(" ORDER BY \"state\", \"eta\", \"priority\", \"id\" LIMIT ").append(limit);
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            // Locks the rows it returns only. On H2, FOR UPDATE locks every row the ordered scan
            // reads before the LIMIT: the claimers' lock row already keeps them apart.
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            select.setObject(1, now);
            for (int i = 0; i < excluded.size(); i++) {
                select.setString(i + 2, excluded.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JobRow row = row(rows);
                    rowsById.put(row.id(), row);
                    candidates.add(new Candidate(row.id(), row.channel()));
                }
            }
        }
        return candidates;
    }

    private void recordStart(Connection c, String channel, LocalDateTime at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job_channel\" SET \"last_start\" = ? WHERE \"name\" = ?")) {
            update.setObject(1, at);
            update.setString(2, channel);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO \"connector_job_channel\" (\"name\", \"last_start\") VALUES (?, ?)")) {
                    insert.setString(1, channel);
                    insert.setObject(2, at);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static JobRow row(ResultSet rows) throws SQLException {
        int timeout = rows.getInt("timeout_seconds");
        Integer timeoutSeconds = rows.wasNull() ? null : timeout;
        return new JobRow(rows.getLong("id"), rows.getString("uuid"), rows.getString("function_name"), rows.getString("args"),
                rows.getString("channel"), rows.getInt("retry"), rows.getInt("max_retries"), rows.getString("backend_id"),
                timeoutSeconds, rows.getString("claim_id"), rows.getObject("created_at", LocalDateTime.class),
                rows.getBoolean("has_children"));
    }

    // ---------------------------------------------------------------- run

    /**
     * Renews the leases of the jobs this worker is running (not of those past their timeout: a
     * job that ignores its interruption loses its lease, and another node takes it over), and
     * shows those running for a while as started.
     */
    public void heartbeat(Connection c, String worker, Collection<Long> alive, Map<Long, LocalDateTime> runningSince,
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

    /**
     * Ends a claimed or started job done, only if it still holds this claim; then the jobs that
     * waited for it and have no other unfinished parent become pending. False: the claim was lost
     * (its lease expired and another worker has it), and the caller must roll back.
     */
    public boolean done(Connection c, JobRow job, String worker, LocalDateTime startedAt, String result, String by)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"started_at\" = COALESCE(\"started_at\", ?), \"result\" = ?, \"active_key\" = NULL, \"lease_until\" = NULL, "
                + "\"done_by\" = ? WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, now());
            update.setObject(2, startedAt);
            update.setString(3, result == null ? null : truncate(result, 100_000));
            update.setString(4, by);
            update.setLong(5, job.id());
            update.setString(6, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        if (job.hasChildren()) {
            releaseChildren(c, job.id());
        }
        return true;
    }

    /**
     * Releases the children of a job that just ended done. Each child row is locked first: two
     * parents ending in two transactions at once would otherwise each see the other unfinished,
     * and the child would wait for ever. Locked in id order, so that two such releases cannot
     * deadlock.
     */
    private void releaseChildren(Connection c, long parentId) throws SQLException {
        List<Long> children = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT \"job_id\" FROM \"connector_job_dependency\" WHERE "
                + "\"parent_id\" = ? ORDER BY \"job_id\"")) {
            select.setLong(1, parentId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    children.add(rows.getLong(1));
                }
            }
        }
        for (Long child : children) {
            try (PreparedStatement lock = c.prepareStatement("SELECT \"id\" FROM \"connector_job\" WHERE \"id\" = ? "
                    + "AND \"state\" = 'waiting' FOR UPDATE")) {
                lock.setLong(1, child);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        continue;
                    }
                }
            }
            releaseIfReady(c, child);
        }
    }

    /** A job that ended done, for {@link #doneAll}. */
    public record Ended(JobRow job, LocalDateTime startedAt, String result) {
    }

    /**
     * Ends several jobs done in one batch of statements, each only if it still holds its claim;
     * returns those that did not (their claim was lost). For jobs without children.
     */
    public List<JobRow> doneAll(Connection c, List<Ended> ended) throws SQLException {
        if (ended.isEmpty()) {
            return List.of();
        }
        List<JobRow> lost = new ArrayList<>();
        LocalDateTime now = now();
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"started_at\" = COALESCE(\"started_at\", ?), \"result\" = ?, \"active_key\" = NULL, \"lease_until\" = NULL "
                + "WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            for (Ended e : ended) {
                update.setObject(1, now);
                update.setObject(2, e.startedAt());
                update.setString(3, e.result() == null ? null : truncate(e.result(), 100_000));
                update.setLong(4, e.job().id());
                update.setString(5, e.job().claimId());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    lost.add(ended.get(i).job());
                }
            }
        }
        return lost;
    }

    /** Back to pending at {@code eta}, counting the try or not; false when the claim was lost. */
    public boolean retry(Connection c, JobRow job, String worker, LocalDateTime eta, boolean counted, String why)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"eta\" = ?, "
                + "\"retry\" = \"retry\" + ?, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL, "
                + "\"error_message\" = ? WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, eta);
            update.setInt(2, counted ? 1 : 0);
            update.setString(3, truncate(why, 100_000));
            update.setLong(4, job.id());
            update.setString(5, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        history(c, job.id(), PENDING, worker, "try " + (job.retry() + 1) + " ended; next not before " + eta + " UTC: " + why);
        return true;
    }

    /** Failed, with the error kept; false when the claim was lost. */
    public boolean failed(Connection c, JobRow job, String worker, Throwable error, String message, int retry)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'failed', \"ended_at\" = ?, "
                + "\"retry\" = ?, \"active_key\" = NULL, \"lease_until\" = NULL, \"error_class\" = ?, \"error_message\" = ?, "
                + "\"error_trace\" = ? WHERE \"id\" = ? AND \"claim_id\" = ? AND \"state\" IN ('claimed', 'started')")) {
            update.setObject(1, now());
            update.setInt(2, retry);
            update.setString(3, error.getClass().getName());
            update.setString(4, truncate(message, 100_000));
            update.setString(5, truncate(trace(error), 200_000));
            update.setLong(6, job.id());
            update.setString(7, job.claimId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Jobs whose lease expired (their worker died, or hangs) go back to pending with the try
     * counted, or fail when that was their last.
     */
    public int reapExpired(Connection c) throws SQLException {
        return reap(c, "\"lease_until\" < ?", now(), "lease expired: its worker stopped answering");
    }

    /** A node starting again takes back, at once, what its previous run held. */
    public int reapWorkers(Connection c, String workerPrefix, String currentWorker) throws SQLException {
        return reap(c, "\"worker\" LIKE ? AND \"worker\" <> ?", new Object[] {workerPrefix + "%", currentWorker},
                "its worker " + workerPrefix + " restarted");
    }

    private int reap(Connection c, String condition, Object param, String why) throws SQLException {
        return reap(c, condition, new Object[] {param}, why);
    }

    private int reap(Connection c, String condition, Object[] params, String why) throws SQLException {
        List<long[]> expired = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\", \"retry\", \"max_retries\", \"worker\" FROM \"connector_job\" "
                + "WHERE \"state\" IN ('claimed', 'started') AND " + condition + " FOR UPDATE SKIP LOCKED")) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    expired.add(new long[] {rows.getLong(1), rows.getInt(2), rows.getInt(3)});
                    workers.add(rows.getString(4));
                }
            }
        }
        for (int i = 0; i < expired.size(); i++) {
            long id = expired.get(i)[0];
            int retry = (int) expired.get(i)[1] + 1;
            int max = (int) expired.get(i)[2];
            String note = why + " (" + workers.get(i) + ")";
            if (max > 0 && retry >= max) {
                try (PreparedStatement fail = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'failed', \"retry\" = ?, "
                        + "\"ended_at\" = ?, \"active_key\" = NULL, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL, "
                        + "\"error_message\" = ? WHERE \"id\" = ?")) {
                    fail.setInt(1, retry);
                    fail.setObject(2, now());
                    fail.setString(3, "Max. retries (" + max + ") reached: " + note);
                    fail.setLong(4, id);
                    fail.executeUpdate();
                }
                history(c, id, FAILED, null, "Max. retries (" + max + ") reached: " + note);
            } else {
                try (PreparedStatement requeue = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"retry\" = ?, "
                        + "\"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL WHERE \"id\" = ?")) {
                    requeue.setInt(1, retry);
                    requeue.setLong(2, id);
                    requeue.executeUpdate();
                }
                history(c, id, PENDING, null, note);
            }
        }
        return expired.size();
    }

    /** Removes done jobs that ended before {@code before}, with their history. */
    public int removeDone(Connection c, LocalDateTime before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM \"connector_job\" WHERE \"state\" = 'done' AND \"ended_at\" < ?")) {
            delete.setObject(1, before);
            return delete.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- operators

    /** Failed or cancelled back to pending, with its retries counted from zero again. */
    public boolean requeue(Connection c, String uuid, String by) throws SQLException {
        long id = idOf(c, uuid);
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'pending', \"retry\" = 0, "
                + "\"eta\" = ?, \"ended_at\" = NULL, \"active_key\" = \"identity_key\", \"worker\" = NULL, \"claim_id\" = NULL "
                + "WHERE \"id\" = ? AND \"state\" IN ('failed', 'cancelled')")) {
            update.setObject(1, NO_ETA);
            update.setLong(2, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            if (Dialect.isUniqueViolation(e)) {
                throw new SQLException("Job " + uuid + " cannot be requeued: another job with its identity key is active", "23505", e);
            }
            throw e;
        }
        history(c, id, PENDING, null, "requeued by " + by);
        return true;
    }

    /** Cancels a job that has not run yet (or failed), and every job waiting on it. */
    public List<String> cancel(Connection c, String uuid, String by) throws SQLException {
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
                update.setObject(1, now());
                update.setLong(2, id);
                if (update.executeUpdate() != 1) {
                    if (first) {
                        return cancelled;
                    }
                    continue;
                }
            }
            first = false;
            history(c, id, CANCELLED, null, "cancelled by " + by);
            cancelled.add(uuidOf(c, id));
            try (PreparedStatement children = c.prepareStatement(
                    "SELECT \"job_id\" FROM \"connector_job_dependency\" WHERE \"parent_id\" = ?")) {
                children.setLong(1, id);
                try (ResultSet rows = children.executeQuery()) {
                    while (rows.next()) {
                        todo.add(rows.getLong(1));
                    }
                }
            }
        }
        return cancelled;
    }

    /** Sets a job done by hand, recording who; the jobs waiting on it go on. */
    public boolean markDone(Connection c, String uuid, String by) throws SQLException {
        long id = idOf(c, uuid);
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', \"ended_at\" = ?, "
                + "\"active_key\" = NULL, \"done_by\" = ?, \"worker\" = NULL, \"claim_id\" = NULL, \"lease_until\" = NULL "
                + "WHERE \"id\" = ? AND \"state\" IN ('waiting', 'pending', 'failed', 'cancelled')")) {
            update.setObject(1, now());
            update.setString(2, by);
            update.setLong(3, id);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        history(c, id, DONE, null, "set done by " + by);
        releaseChildren(c, id);
        return true;
    }

    long idOf(Connection c, String uuid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"id\" FROM \"connector_job\" WHERE \"uuid\" = ?")) {
            select.setString(1, uuid);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new NoSuchJobException("No job with uuid " + uuid);
                }
                return row.getLong(1);
            }
        }
    }

    private String uuidOf(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT \"uuid\" FROM \"connector_job\" WHERE \"id\" = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** An unknown job uuid. */
    public static final class NoSuchJobException extends SQLException {
        private static final long serialVersionUID = 1L;

        NoSuchJobException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- reads

    /** The state of every job, for the shell, tests and metrics: counts per (channel, state). */
    public Map<String, Map<String, Long>> counts(Connection c) throws SQLException {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery(
                "SELECT \"channel\", \"state\", COUNT(*) FROM \"connector_job\" GROUP BY \"channel\", \"state\"")) {
            while (rows.next()) {
                counts.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>()).put(rows.getString(2), rows.getLong(3));
            }
        }
        return counts;
    }

    /** Jobs for the shell, newest first, with the given filters (null for any). */
    public List<JobView> list(Connection c, String state, String channel, String backendId, int limit) throws SQLException {
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
        String sql = "SELECT * FROM \"connector_job\"" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY \"id\" DESC LIMIT " + limit;
        return views(c, sql, params);
    }

    /** One job with its whole history. */
    public Optional<JobView> view(Connection c, String uuid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM \"connector_job\" WHERE \"uuid\" = ?")) {
            select.setString(1, uuid);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<JobView.Event> events = new ArrayList<>();
                LocalDateTime created = rows.getObject("created_at", LocalDateTime.class);
                events.add(new JobView.Event(created, "created", null, null));
                try (PreparedStatement history = c.prepareStatement("SELECT \"at\", \"state\", \"worker\", \"note\" FROM "
                        + "\"connector_job_history\" WHERE \"job_id\" = ? ORDER BY \"id\"")) {
                    history.setLong(1, rows.getLong("id"));
                    try (ResultSet h = history.executeQuery()) {
                        while (h.next()) {
                            events.add(new JobView.Event(h.getObject(1, LocalDateTime.class), h.getString(2), h.getString(3),
                                    h.getString(4)));
                        }
                    }
                }
                String worker = rows.getString("worker");
                String state = rows.getString("state");
                LocalDateTime claimed = rows.getObject("claimed_at", LocalDateTime.class);
                LocalDateTime started = rows.getObject("started_at", LocalDateTime.class);
                LocalDateTime ended = rows.getObject("ended_at", LocalDateTime.class);
                // The row holds the times of the latest try; earlier tries are history events.
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
                events.sort(java.util.Comparator.comparing(JobView.Event::at));
                return Optional.of(view(rows, events));
            }
        }
    }

    private static JobView view(ResultSet rows, List<JobView.Event> history) throws SQLException {
        LocalDateTime eta = rows.getObject("eta", LocalDateTime.class);
        return new JobView(rows.getString("uuid"), rows.getString("function_name"), rows.getString("state"),
                rows.getString("channel"), rows.getInt("priority"), NO_ETA.equals(eta) ? null : eta, rows.getInt("retry"),
                rows.getInt("max_retries"), rows.getString("description"), rows.getString("args"), rows.getString("backend_id"),
                rows.getString("identity_key"), rows.getString("worker"), rows.getObject("created_at", LocalDateTime.class),
                rows.getObject("started_at", LocalDateTime.class), rows.getObject("ended_at", LocalDateTime.class),
                rows.getString("result"), rows.getString("error_class"), rows.getString("error_message"),
                rows.getString("error_trace"), rows.getString("done_by"), history);
    }

    /** Uuids of the failed jobs, oldest first. */
    public List<String> failedUuids(Connection c) throws SQLException {
        List<String> uuids = new ArrayList<>();
        try (Statement select = c.createStatement(); ResultSet rows = select.executeQuery(
                "SELECT \"uuid\" FROM \"connector_job\" WHERE \"state\" = 'failed' ORDER BY \"id\"")) {
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
    public Map<String, Long> countByState(Connection c, String backendId, LocalDateTime createdSince,
            LocalDateTime endedSince) throws SQLException {
        // Left to choose, H2 reads the finished jobs through the claim index (every done job the
        // retention keeps) and a backend's unfinished ones through the backend index (its whole
        // history): the hints point it to the indexes that read only the jobs counted.
        boolean h2 = Dialect.of(c) == Dialect.H2;
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
            bind(select, params);
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
    public long countBlocked(Connection c, String backendId, LocalDateTime createdSince) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "WITH RECURSIVE \"blocked\" (\"id\") AS ("
                + "SELECT d.\"job_id\" FROM \"connector_job\" p JOIN \"connector_job_dependency\" d ON d.\"parent_id\" = p.\"id\" "
                + "JOIN \"connector_job\" w ON w.\"id\" = d.\"job_id\" WHERE p.\"state\" = 'failed' AND w.\"state\" = 'waiting' "
                + "UNION SELECT d.\"job_id\" FROM \"blocked\" b JOIN \"connector_job_dependency\" d ON d.\"parent_id\" = b.\"id\" "
                + "JOIN \"connector_job\" w ON w.\"id\" = d.\"job_id\" WHERE w.\"state\" = 'waiting') "
                + "SELECT COUNT(*) FROM \"connector_job\" WHERE \"id\" IN (SELECT \"id\" FROM \"blocked\")"
                + scope(backendId, createdSince, params);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, params);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The failed jobs of {@link #countByState}'s set that ended at or after {@code endedSince}, in the order they ended. */
    public List<JobView> listFailed(Connection c, String backendId, LocalDateTime createdSince, LocalDateTime endedSince,
            int limit) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(endedSince));
        String sql = "SELECT * FROM \"connector_job\" WHERE \"ended_at\" >= ? AND \"state\" = 'failed'"
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
            bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    views.add(view(rows, List.of()));
                }
            }
        }
        return views;
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    static String trace(Throwable error) {
        java.io.StringWriter writer = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(writer));
        return writer.toString();
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
