package io.connector.jobs.internal.runner;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.jobs.internal.sql.JobTransitions;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the jobs this node holds, shows the long ones as started, and interrupts
 * those past their timeout (whose lease then lapses, so that a job ignoring its interruption is
 * taken over elsewhere).
 */
final class Heartbeat implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    /** A job running longer than this is shown as started by the next heartbeat. */
    private static final Duration SHOW_STARTED_AFTER = Duration.ofMillis(500);

    private final SqlTransactions sql;
    private final LocalJobs local;
    private final RunnerSettings settings;

    Heartbeat(SqlTransactions sql, LocalJobs local, RunnerSettings settings) {
        this.sql = sql;
        this.local = local;
        this.settings = settings;
    }

    @Override
    public void run() {
        try {
            List<Long> alive = new ArrayList<>();
            Map<Long, LocalDateTime> longRunning = new HashMap<>();
            long now = System.nanoTime();
            for (HeldJob entry : local.held.values()) {
                if (!entry.timedOut && now > entry.deadline) {
                    entry.timedOut = true;
                    Thread thread = entry.thread;
                    LOG.warn("Job {} ({}) is past its timeout of {} s: interrupting it", entry.job.uuid(), entry.job.function(),
                            entry.timeoutSeconds());
                    if (thread != null) {
                        thread.interrupt();
                    }
                }
                if (!entry.timedOut) {
                    alive.add(entry.job.id());
                    LocalDateTime started = entry.startedAt;
                    if (started != null && !entry.shownStarted && started.plus(SHOW_STARTED_AFTER).isBefore(Sql.now())) {
                        longRunning.put(entry.job.id(), started);
                        entry.shownStarted = true;
                    }
                }
            }
            LocalDateTime leaseUntil = Sql.now().plusSeconds(settings.leaseSeconds());
            sql.inTransaction(tx -> {
                JobTransitions.heartbeat(tx.connection(), settings.worker(), alive, longRunning, leaseUntil);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Job heartbeat failed: {}", e.getMessage(), e);
        }
    }
}
