package io.connector.jobs.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobCounts;
import io.connector.api.job.JobView;

/**
 * Waits until a set of jobs is finished: those of a backend (or of all), created at or after a
 * time (or at any time). Finished means that none of them is waiting, pending, claimed or
 * started, except waiting ones blocked behind a failed job, which would wait for ever. A job that
 * failed and will be retried is pending again, so it is still to go. The waiter polls the job
 * table, so it sees the jobs that every node runs; near the end (at most {@value #NEAR_END} jobs
 * to go) it also counts as soon as jobs end on this node, so a wait ends within a few tens of
 * milliseconds of the last job rather than of the next poll.
 */
public final class JobWaiter {

    /** At most this many failed jobs come with a {@link Summary}. */
    public static final int FAILURES_LISTED = 10;

    /** Jobs to go at most for a job ending on this node to bring the next count forward. */
    static final int NEAR_END = 16;
    /** Counts brought forward are this far apart at least. */
    private static final long MIN_SPACING_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final JobAdmin admin;
    private final JobSignal ends;
    private final Duration pollInterval;
    private final Duration reportInterval;

    /**
     * A waiter that polls every 200 ms (or longer, see below) and reports progress at most every
     * {@code reportInterval}: {@code connector:import --wait} returns within a fifth of a second
     * of the import's end, where a second's poll made a three-second import look a sixth slower.
     */
    public JobWaiter(JobAdmin admin, Duration reportInterval) {
        this(admin, null, Duration.ofMillis(200), reportInterval);
    }

    /** A waiter that also hears the jobs this node's runner ends ({@code ends}). */
    public JobWaiter(JobAdmin admin, JobSignal ends, Duration reportInterval) {
        this(admin, ends, Duration.ofMillis(200), reportInterval);
    }

    JobWaiter(JobAdmin admin, JobSignal ends, Duration pollInterval, Duration reportInterval) {
        this.admin = Objects.requireNonNull(admin);
        this.ends = ends;
        this.pollInterval = pollInterval;
        this.reportInterval = reportInterval;
    }

    /**
     * How a wait ended: the last counts, whether the time ran out first, and up to
     * {@value #FAILURES_LISTED} of the failed jobs, in the order they failed.
     */
    public record Summary(JobCounts counts, boolean timedOut, List<JobView> failures) {

        public long done() {
            return counts.done();
        }

        public long failed() {
            return counts.failed();
        }

        public long cancelled() {
            return counts.cancelled();
        }

        /** Waiting jobs that never run unless an operator retries or sets done the failed job they wait for. */
        public long blocked() {
            return counts.blocked();
        }

        /** Jobs still to go: none unless the wait timed out. */
        public long remaining() {
            return counts.toGo();
        }
    }

    /**
     * Waits for the jobs of {@code backendId} (null: any backend) created at or after
     * {@code createdSince} (null: any time), at most {@code timeout} (zero: no limit). Calls
     * {@code progress} with the counts at most once per report interval, the first time one
     * interval after the start, so that short waits stay quiet. The done, failed and cancelled
     * counts are of the jobs that ended since {@code createdSince}, or since this call when it is
     * null: the jobs of earlier runs are not news.
     *
     * @throws InterruptedException when the calling thread is interrupted (Ctrl-C in the shell);
     *                              the jobs themselves go on
     */
    public Summary await(String backendId, Instant createdSince, Duration timeout, Consumer<JobCounts> progress)
            throws InterruptedException {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout must be zero (no limit) or more, not " + timeout);
        }
        Instant endedSince = createdSince != null ? createdSince : Instant.now();
        long start = System.nanoTime();
        long nextReport = start + reportInterval.toNanos();
        while (true) {
            long seen = ends == null ? 0 : ends.endings();
            long polled = System.nanoTime();
            JobCounts counts = count(backendId, createdSince, endedSince);
            long now = System.nanoTime();
            long left = timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos() - (now - start);
            if (counts.finished() || left <= 0) {
                List<JobView> failures = counts.failed() == 0 ? List.of()
                        : admin.failed(backendId, createdSince, endedSince, FAILURES_LISTED);
                return new Summary(counts, !counts.finished(), failures);
            }
            if (now - nextReport >= 0) {
                progress.accept(counts);
                nextReport = now + reportInterval.toNanos();
            }
            // On PostgreSQL no index finds the waiting jobs, so a count reads the whole job table:
            // polls spaced by twenty times what the last one took keep the waiter's share of the
            // database small as the table grows, up to the report interval, which callers count on.
            long pause = Math.min(Math.min(Math.max(pollInterval.toNanos(), 20 * (now - polled)), reportInterval.toNanos()), left);
            if (ends != null && counts.toGo() <= NEAR_END) {
                // The same spacing rule, with a floor of its own, bounds counts brought forward.
                long spacing = Math.min(Math.max(MIN_SPACING_NANOS, 20 * (now - polled)), pause);
                TimeUnit.NANOSECONDS.sleep(spacing);
                ends.awaitEnd(seen, pause - spacing);
            } else {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
        }
    }

    private JobCounts count(String backendId, Instant createdSince, Instant endedSince) throws InterruptedException {
        try {
            return admin.count(backendId, createdSince, endedSince);
        } catch (RuntimeException e) {
            // An interrupt that lands while the pool hands out a connection comes back as an SQL
            // error: it still means "stop waiting", not that the database failed.
            if (Thread.interrupted()) {
                InterruptedException interrupted = new InterruptedException("Interrupted while counting jobs");
                interrupted.initCause(e);
                throw interrupted;
            }
            throw e;
        }
    }
}
