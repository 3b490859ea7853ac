package io.connector.jobs.internal.runner;

import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.sql.JobReaper;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job function just registered: its jobs that waited for it (their function was missing when
 * they were tried, e.g. a bundle in deploy/ still starting) are due at once.
 */
final class WaitingJobsRelease implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingJobsRelease.class);

    private final SqlTransactions sql;
    private final JobSignal signal;
    private final String function;
    private final String notRegistered;

    WaitingJobsRelease(SqlTransactions sql, JobSignal signal, String function, String notRegistered) {
        this.sql = sql;
        this.signal = signal;
        this.function = function;
        this.notRegistered = notRegistered;
    }

    @Override
    public void run() {
        try {
            int released = sql.inTransaction(tx -> JobReaper.releaseWaitingFor(tx.connection(), function, notRegistered));
            if (released > 0) {
                LOG.info("Job function {} is registered: {} jobs that waited for it are due now", function, released);
                signal.raise();
            }
        } catch (RuntimeException e) {
            LOG.error("Releasing the jobs that waited for job function {} failed: {}", function, e.getMessage(), e);
        }
    }
}
