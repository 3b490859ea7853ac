package io.connector.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobCounts;
import io.connector.api.job.JobState;
import io.connector.api.job.JobView;
import io.connector.jobs.internal.sql.JobOperations;
import io.connector.jobs.internal.sql.JobReads;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What operators do with jobs and see of them, in the database, so across every node. Also a
 * service of its own class, for the bundle's commands: {@link #detail} says more than the API.
 */
@Component(service = {JobAdmin.class, JobAdminService.class})
public final class JobAdminService implements JobAdmin {

    /** How often {@link #awaitAndReport} prints progress. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final SqlTransactions sql;
    private final JobChannels channels;
    private final JobSignal signal;

    @Activate
    public JobAdminService(@Reference SqlTransactions sql, @Reference JobChannels channels, @Reference JobSignal signal) {
        this.sql = sql;
        this.channels = channels;
        this.signal = signal;
    }

    @Override
    public List<JobView> list(String state, String channel, String backendId, int limit) {
        return list(state, channel, backendId, null, limit);
    }

    @Override
    public List<JobView> list(String state, String channel, String backendId, String function, int limit) {
        if (state != null && !JobState.ALL.contains(state)) {
            throw new IllegalArgumentException("Unknown job state '" + state + "'. States: " + String.join(", ", JobState.ALL));
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be 1 or more, not " + limit);
        }
        return sql.inTransaction(tx -> JobReads.list(tx.connection(), state,
                channel == null ? null : ChannelTree.normalize(channel), backendId, function, limit));
    }

    @Override
    public List<Minute> endedPerMinute(Instant since) {
        return sql.inTransaction(tx -> JobReads.endedPerMinute(tx.connection(), utc(since)));
    }

    @Override
    public JobView get(String uuid) {
        return detail(uuid).view();
    }

    /** {@link #get}, and whether the job's identity key holds only until its claim. */
    public JobReads.Detail detail(String uuid) {
        Optional<JobReads.Detail> detail = sql.inTransaction(tx -> JobReads.detail(tx.connection(), uuid));
        return detail.orElseThrow(() -> new ConnectorException("No job with uuid " + uuid));
    }

    @Override
    public void retry(String uuid, String who) {
        boolean requeued = sql.inTransaction(tx -> JobOperations.requeue(tx.connection(), uuid, who));
        if (!requeued) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state() + ": only failed or cancelled jobs are retried");
        }
        signal.raise();
    }

    @Override
    public int retryFailed(String who) {
        int count = sql.inTransaction(tx -> {
            int n = 0;
            for (String uuid : JobReads.failedUuids(tx.connection())) {
                if (JobOperations.requeue(tx.connection(), uuid, who)) {
                    n++;
                }
            }
            return n;
        });
        signal.raise();
        return count;
    }

    @Override
    public int runPostponed(String backendId, String who) {
        int count = sql.inTransaction(tx -> JobOperations.runPostponed(tx.connection(), backendId,
                Sql.now().plus(JobCounts.POSTPONED_AFTER), who));
        signal.raise();
        return count;
    }

    @Override
    public List<String> cancel(String uuid, String who) {
        List<String> cancelled = sql.inTransaction(tx -> JobOperations.cancel(tx.connection(), uuid, who));
        if (cancelled.isEmpty()) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state()
                    + ": only waiting, pending or failed jobs are cancelled");
        }
        return cancelled;
    }

    @Override
    public void markDone(String uuid, String who) {
        boolean done = sql.inTransaction(tx -> JobOperations.markDone(tx.connection(), uuid, who));
        if (!done) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state() + ": it runs or ended already");
        }
        signal.raise();
    }

    @Override
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> read = sql.inTransaction(tx -> JobReads.counts(tx.connection()));
        Map<String, Map<String, Long>> counts = new TreeMap<>(read);
        channels.current().channels().forEach(channel -> counts.computeIfAbsent(channel.name(), n -> new TreeMap<>()));
        return counts;
    }

    @Override
    public JobCounts count(String backendId, Instant createdSince, Instant endedSince) {
        LocalDateTime created = utc(createdSince);
        return sql.inTransaction(tx -> {
            Map<String, Long> byState = JobReads.countByState(tx.connection(), backendId, created, utc(endedSince));
            long blocked = byState.getOrDefault(JobState.WAITING, 0L) == 0 ? 0
                    : JobReads.countBlocked(tx.connection(), backendId, created);
            long postponed = byState.getOrDefault(JobState.PENDING, 0L) == 0 ? 0
                    : JobReads.countPostponed(tx.connection(), backendId, created, Sql.now().plus(JobCounts.POSTPONED_AFTER));
            return JobCounts.of(byState, blocked, postponed);
        });
    }

    @Override
    public List<JobView> failed(String backendId, Instant createdSince, Instant endedSince, int limit) {
        return sql.inTransaction(tx -> JobReads.listFailed(tx.connection(), backendId, utc(createdSince), utc(endedSince), limit));
    }

    @Override
    public void awaitAndReport(String backendId, String backendName, Instant createdSince, Duration timeout,
            Consumer<String> out) {
        new WaitReport(this, new JobWaiter(this, signal, PROGRESS_EVERY)).awaitAndReport(backendId, backendName, createdSince,
                timeout, out);
    }

    private static LocalDateTime utc(Instant instant) {
        // To the microsecond, as the job times are stored: a job created in the same microsecond counts as after.
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
