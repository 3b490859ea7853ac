package io.connector.core.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.connector.api.ConnectorException;
import io.connector.core.store.JdbcRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** What operators do with jobs: the shell commands and the MBean go through it. */
@Component(service = JobAdmin.class)
public final class JobAdmin {

    private final JdbcRecordStore store;
    private final JobStore jobs = new JobStore();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JobRunner runner;

    @Activate
    public JobAdmin(@Reference JdbcRecordStore store) {
        this.store = store;
    }

    public List<JobView> list(String state, String channel, String backendId, int limit) {
        if (state != null && !JobState.ALL.contains(state)) {
            throw new IllegalArgumentException("Unknown job state '" + state + "'. States: " + String.join(", ", JobState.ALL));
        }
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be 1 or more, not " + limit);
        }
        return store.inConnection(c -> jobs.list(c, state, channel == null ? null : ChannelTree.normalize(channel),
                backendId, limit));
    }

    public JobView get(String uuid) {
        Optional<JobView> view = store.inConnection(c -> jobs.view(c, uuid));
        return view.orElseThrow(() -> new ConnectorException("No job with uuid " + uuid));
    }

    /** Back to pending, retries from zero. */
    public void retry(String uuid, String who) {
        boolean requeued = store.inConnection(c -> jobs.requeue(c, uuid, who));
        if (!requeued) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state() + ": only failed or cancelled jobs are retried");
        }
        wake();
    }

    /** Every failed job back to pending; returns how many. */
    public int retryFailed(String who) {
        int count = store.inConnection(c -> {
            int n = 0;
            for (String uuid : jobs.failedUuids(c)) {
                if (jobs.requeue(c, uuid, who)) {
                    n++;
                }
            }
            return n;
        });
        wake();
        return count;
    }

    /** Cancels a job and what waits on it; returns the uuids cancelled. */
    public List<String> cancel(String uuid, String who) {
        List<String> cancelled = store.inConnection(c -> jobs.cancel(c, uuid, who));
        if (cancelled.isEmpty()) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state()
                    + ": only waiting, pending or failed jobs are cancelled");
        }
        return cancelled;
    }

    public void markDone(String uuid, String who) {
        boolean done = store.inConnection(c -> jobs.markDone(c, uuid, who));
        if (!done) {
            throw new ConnectorException("Job " + uuid + " is " + get(uuid).state() + ": it runs or ended already");
        }
        wake();
    }

    /** Jobs per channel and state, every channel of the configuration listed. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new TreeMap<>(store.inConnection(jobs::counts));
        JobRunner current = runner;
        if (current != null) {
            current.channels().channels().forEach(channel -> counts.computeIfAbsent(channel.name(), n -> new TreeMap<>()));
        }
        return counts;
    }

    /**
     * How far the jobs of a backend (null: any) created at or after {@code createdSince} (null:
     * any) got: every unfinished one, and the finished ones that ended at or after {@code endedSince}.
     */
    public JobCounts count(String backendId, Instant createdSince, Instant endedSince) {
        LocalDateTime created = utc(createdSince);
        return store.inConnection(c -> {
            Map<String, Long> byState = jobs.countByState(c, backendId, created, utc(endedSince));
            long blocked = byState.getOrDefault(JobState.WAITING, 0L) == 0 ? 0 : jobs.countBlocked(c, backendId, created);
            return JobCounts.of(byState, blocked);
        });
    }

    /** Up to {@code limit} failed jobs of such a set that ended at or after {@code endedSince}, in the order they ended. */
    public List<JobView> failed(String backendId, Instant createdSince, Instant endedSince, int limit) {
        return store.inConnection(c -> jobs.listFailed(c, backendId, utc(createdSince), utc(endedSince), limit));
    }

    private static LocalDateTime utc(Instant instant) {
        // To the microsecond, as the job times are stored: a job created in the same microsecond counts as after.
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public Optional<ChannelTree> channels() {
        JobRunner current = runner;
        return current == null ? Optional.empty() : Optional.of(current.channels());
    }

    private void wake() {
        JobRunner current = runner;
        if (current != null) {
            current.wakeUp();
        }
    }
}
