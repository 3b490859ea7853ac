package io.connector.jobs.internal.sql;

import static io.connector.store.spi.Sql.marks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.connector.jobs.internal.ChannelTree;
import io.connector.jobs.internal.ChannelTree.Candidate;
import io.connector.jobs.internal.ChannelTree.Channel;
import io.connector.jobs.internal.JobRow;
import io.connector.store.spi.Database;
import io.connector.store.spi.Sql;

/**
 * Claims pending jobs that their channels allow to start now. Claimers of every node lock one
 * row first, so channel capacities hold across nodes; the jobs themselves are read with
 * {@code FOR UPDATE SKIP LOCKED}, and claimed only while still pending.
 */
public final class JobClaims {

    /** The advisory lock claimers take on PostgreSQL: "connjobs" in ASCII, a key no other bundle uses. */
    static final long CLAIM_LOCK = 0x636f6e6e6a6f6273L;

    private JobClaims() {
    }

    /** What the channels looked like when the claim began: counted in the database, for every node. */
    private record ChannelState(Map<String, Integer> load, Set<String> stoppedSequential, Map<String, Instant> lastStart) {
    }

    /** Up to {@code slots} jobs, claimed for {@code worker} and leased until {@code leaseUntil}. */
    public static List<JobRow> claim(Connection c, ChannelTree tree, String worker, LocalDateTime leaseUntil, int slots)
            throws SQLException {
        return claim(c, tree, worker, leaseUntil, slots, Set.of());
    }

    /**
     * Up to {@code slots} jobs, claimed for {@code worker} and leased until {@code leaseUntil},
     * none of a backend in {@code otherNodesBackends}: those that only other nodes have.
     */
    public static List<JobRow> claim(Connection c, ChannelTree tree, String worker, LocalDateTime leaseUntil, int slots,
            Set<String> otherNodesBackends) throws SQLException {
        if (slots <= 0) {
            return List.of();
        }
        try (Statement lock = c.createStatement()) {
            // On PostgreSQL a row lock is a write: a claim that found nothing still flushed the
            // log at commit, four or five times per import job. A transaction-scoped advisory
            // lock serializes the claimers of every node the same way and writes nothing. Every
            // node must claim this way: an older one locks the row, and the two would not wait
            // for each other.
            lock.executeQuery(Database.of(c) == Database.POSTGRESQL ? "SELECT pg_advisory_xact_lock(" + CLAIM_LOCK + ")"
                    : "SELECT \"name\" FROM \"connector_job_channel\" WHERE \"name\" = '*lock*' FOR UPDATE").close();
        }
        LocalDateTime now = Sql.now();
        ChannelState state = new ChannelState(tree.load(runningPerChannel(c)), stoppedSequential(c, tree), lastStarts(c));
        Map<String, Instant> starts = new HashMap<>(state.lastStart());
        List<Candidate> picked = pick(c, tree, state, starts, now, slots, otherNodesBackends);
        if (picked.isEmpty()) {
            return List.of();
        }
        String claimId = UUID.randomUUID().toString();
        List<Long> ids = picked.stream().map(Candidate::id).toList();
        markClaimed(c, ids, worker, claimId, leaseUntil);
        List<JobRow> claimed = claimedRows(c, ids, claimId);
        for (Map.Entry<String, Instant> start : starts.entrySet()) {
            if (!start.getValue().equals(state.lastStart().get(start.getKey()))) {
                recordStart(c, start.getKey(), LocalDateTime.ofInstant(start.getValue(), ZoneOffset.UTC));
            }
        }
        return claimed;
    }

    /**
     * Reads candidates in claim order and lets the channel tree choose, round after round while
     * the chosen ones close channels and more candidates wait behind them.
     */
    private static List<Candidate> pick(Connection c, ChannelTree tree, ChannelState state, Map<String, Instant> starts,
            LocalDateTime now, int slots, Set<String> otherNodesBackends) throws SQLException {
        Instant instant = now.toInstant(ZoneOffset.UTC);
        Map<String, Integer> load = state.load();
        List<Candidate> picked = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int round = 0; round <= tree.channels().size() && picked.size() < slots; round++) {
            Set<String> closed = tree.closed(load, state.stoppedSequential(), starts, instant);
            if (closed.contains(ChannelTree.ROOT)) {
                break;
            }
            List<Candidate> candidates = candidates(c, closed, otherNodesBackends, now, (slots - picked.size()) * 4);
            candidates.removeIf(candidate -> seen.contains(candidate.id()));
            if (candidates.isEmpty()) {
                break;
            }
            candidates.forEach(candidate -> seen.add(candidate.id()));
            List<Candidate> chosen = tree.pick(candidates, load, state.stoppedSequential(), starts, instant, slots - picked.size());
            picked.addAll(chosen);
            if (chosen.isEmpty() && candidates.size() < (slots - picked.size()) * 4) {
                break;
            }
        }
        return picked;
    }

    private static Map<String, Integer> runningPerChannel(Connection c) throws SQLException {
        Map<String, Integer> running = new HashMap<>();
        try (Statement count = c.createStatement(); ResultSet rows = count.executeQuery("SELECT \"channel\", COUNT(*) FROM "
                + "\"connector_job\" WHERE \"state\" IN ('claimed', 'started') GROUP BY \"channel\"")) {
            while (rows.next()) {
                running.put(rows.getString(1), rows.getInt(2));
            }
        }
        return running;
    }

    /** The sequential channels that a failed job stops. */
    private static Set<String> stoppedSequential(Connection c, ChannelTree tree) throws SQLException {
        Set<String> stopped = new HashSet<>();
        List<String> sequential = tree.channels().stream().filter(Channel::sequential).map(Channel::name).toList();
        if (sequential.isEmpty()) {
            return stopped;
        }
        try (PreparedStatement failed = c.prepareStatement("SELECT DISTINCT \"channel\" FROM \"connector_job\" WHERE "
                + "\"state\" = 'failed' AND \"channel\" IN (" + marks(sequential.size()) + ")")) {
            Sql.bind(failed, sequential);
            try (ResultSet rows = failed.executeQuery()) {
                while (rows.next()) {
                    stopped.add(rows.getString(1));
                }
            }
        }
        return stopped;
    }

    private static Map<String, Instant> lastStarts(Connection c) throws SQLException {
        Map<String, Instant> lastStart = new HashMap<>();
        try (Statement starts = c.createStatement(); ResultSet rows = starts.executeQuery(
                "SELECT \"name\", \"last_start\" FROM \"connector_job_channel\" WHERE \"last_start\" IS NOT NULL")) {
            while (rows.next()) {
                lastStart.put(rows.getString(1), rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
            }
        }
        return lastStart;
    }

    /**
     * Pending jobs in claim order, as the channel tree needs them: id and channel. On H2 the claim
     * index holds both, so the candidates the channels refuse cost no read of their rows. The
     * backends only other nodes have are left out by a condition that is there only when there
     * are some: one node, or nodes that all have the same backends, pay nothing for it.
     */
    private static List<Candidate> candidates(Connection c, Set<String> closed, Set<String> otherNodesBackends,
            LocalDateTime now, int limit) throws SQLException {
        List<String> excluded = new ArrayList<>(closed);
        List<String> backends = new ArrayList<>(otherNodesBackends);
        StringBuilder sql = new StringBuilder("SELECT \"id\", \"channel\" FROM \"connector_job\" WHERE \"state\" = 'pending' "
                + "AND \"eta\" <= ?");
        if (!excluded.isEmpty()) {
            sql.append(" AND \"channel\" NOT IN (").append(marks(excluded.size())).append(")");
        }
        if (!backends.isEmpty()) {
            sql.append(" AND (\"backend_id\" IS NULL OR \"backend_id\" NOT IN (").append(marks(backends.size())).append("))");
        }
        // "state" leads the order although it is fixed: H2 reads the claim index in order only when
        // the order names its columns from the first; PostgreSQL drops the constant itself.
        sql.append(" ORDER BY \"state\", \"eta\", \"priority\", \"id\" LIMIT ?");
        if (Database.of(c) == Database.POSTGRESQL) {
            // Locks the rows it returns only. On H2, FOR UPDATE locks every row the ordered scan
            // reads before the LIMIT: the claimers' lock row already keeps them apart.
            sql.append(" FOR UPDATE SKIP LOCKED");
        }
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            select.setObject(1, now);
            int parameter = 2;
            for (String channel : excluded) {
                select.setString(parameter++, channel);
            }
            for (String backend : backends) {
                select.setString(parameter++, backend);
            }
            select.setInt(parameter, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return candidates;
    }

    /**
     * Claims the picked jobs in one statement, each only while still pending: an operator may
     * have cancelled or ended one meanwhile. A job whose identity key holds only until its claim
     * gives the key up here, in the same statement: from now on, delaying another job with that
     * key makes a new one. This is the only way a job becomes claimed (and started only after).
     */
    private static void markClaimed(Connection c, List<Long> ids, String worker, String claimId, LocalDateTime leaseUntil)
            throws SQLException {
        // "state" || '' keeps H2 from choosing the state index for the condition, which would walk
        // every pending job: the ids go by primary key.
        try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'claimed', \"worker\" = ?, "
                + "\"claim_id\" = ?, \"lease_until\" = ?, \"claimed_at\" = ?, "
                + "\"active_key\" = CASE WHEN \"key_until_claim\" THEN NULL ELSE \"active_key\" END "
                + "WHERE \"id\" = ANY(?) AND \"state\" || '' = 'pending'")) {
            update.setString(1, worker);
            update.setString(2, claimId);
            update.setObject(3, leaseUntil);
            update.setObject(4, Sql.now());
            update.setArray(5, JobRows.idArray(c, ids));
            update.executeUpdate();
        }
    }

    /**
     * The jobs of {@code ids} that this claim got, in the order of {@code ids}, with what running
     * them needs: read from both their rows once claimed, not for every candidate.
     */
    private static List<JobRow> claimedRows(Connection c, List<Long> ids, String claimId) throws SQLException {
        Map<Long, JobRow> byId = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + JobRows.RUNNER_COLUMNS + " FROM " + JobRows.JOB_WITH_PAYLOAD
                + " WHERE \"id\" = ANY(?) AND \"claim_id\" = ?")) {
            select.setArray(1, JobRows.idArray(c, ids));
            select.setString(2, claimId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JobRow row = JobRows.runnerRow(rows);
                    byId.put(row.id(), row);
                }
            }
        }
        List<JobRow> claimed = new ArrayList<>();
        for (Long id : ids) {
            JobRow row = byId.get(id);
            if (row != null) {
                claimed.add(row);
            }
        }
        return claimed;
    }

    private static void recordStart(Connection c, String channel, LocalDateTime at) throws SQLException {
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
}
