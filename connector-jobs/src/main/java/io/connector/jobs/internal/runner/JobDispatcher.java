package io.connector.jobs.internal.runner;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import io.connector.jobs.internal.JobChannels;
import io.connector.jobs.internal.JobRow;
import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.sql.JobClaims;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims what the channels allow into the node's local queue while it runs low: up to a batch
 * per thread held at once, so that a thread finishing a job finds the next one waiting. It keeps
 * when it last looked and its last error, for the {@code job-runner} health check.
 */
final class JobDispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(JobDispatcher.class);
    /** The pause between claims while the local queue is full or not empty. */
    private static final long BUSY_MILLIS = 20;

    private final SqlTransactions sql;
    private final JobChannels channels;
    private final JobSignal signal;
    private final LocalJobs local;
    private final RunnerSettings settings;
    private final NodeBackends nodeBackends;
    private volatile boolean stopped;
    private volatile Instant lookedAt;
    private volatile String error;

    JobDispatcher(SqlTransactions sql, JobChannels channels, JobSignal signal, LocalJobs local, RunnerSettings settings,
            NodeBackends nodeBackends) {
        this.sql = sql;
        this.nodeBackends = nodeBackends;
        this.channels = channels;
        this.signal = signal;
        this.local = local;
        this.settings = settings;
    }

    void stop() {
        stopped = true;
        signal.raise();
    }

    @Override
    public void run() {
        int threads = settings.threads();
        int batchSize = settings.batchSize();
        while (!stopped) {
            try {
                int room = threads * batchSize - local.held.size();
                boolean full = false;
                if (room > 0 && local.ready.size() < threads * Math.max(1, batchSize / 2)) {
                    LocalDateTime leaseUntil = Sql.now().plusSeconds(settings.leaseSeconds());
                    List<JobRow> claimed = sql.inTransaction(tx -> JobClaims.claim(tx.connection(), channels.current(),
                            settings.worker(), leaseUntil, room, nodeBackends.onlyOtherNodes()));
                    claimed.forEach(job -> local.hold(new HeldJob(job)));
                    full = !claimed.isEmpty() && claimed.size() == room;
                }
                lookedAt = Instant.now();
                error = null;
                if (!stopped) {
                    signal.await(full || !local.ready.isEmpty() ? BUSY_MILLIS : settings.pollIntervalMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                error = e.getMessage();
                LOG.error("Claiming jobs failed; trying again in {} ms: {}", settings.pollIntervalMillis(), e.getMessage(), e);
                try {
                    Thread.sleep(settings.pollIntervalMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** When it last looked for jobs (or found its local queue full); null before. */
    Instant lookedAt() {
        return lookedAt;
    }

    /** The error of its last claim, null when it went through. */
    String error() {
        return error;
    }
}
