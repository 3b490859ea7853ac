package io.connector.jobs.internal.runner;

import java.time.Instant;

import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.sql.JobReaper;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back the jobs whose lease expired, whichever node held them: that node died or hangs. It
 * keeps when it last went through and its last error, for the {@code job-runner} health check.
 */
final class LeaseReaper implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseReaper.class);

    private final SqlTransactions sql;
    private final JobSignal signal;
    private volatile Instant ranAt;
    private volatile String error;

    LeaseReaper(SqlTransactions sql, JobSignal signal) {
        this.sql = sql;
        this.signal = signal;
    }

    @Override
    public void run() {
        try {
            int reaped = sql.inTransaction(tx -> JobReaper.reapExpired(tx.connection()));
            if (reaped > 0) {
                LOG.warn("{} jobs had an expired lease: back to pending (or failed at their last try)", reaped);
                signal.raise();
            }
            ranAt = Instant.now();
            error = null;
        } catch (RuntimeException e) {
            error = e.getMessage();
            LOG.error("Checking expired job leases failed: {}", e.getMessage(), e);
        }
    }

    /** When it last went through; null before. */
    Instant ranAt() {
        return ranAt;
    }

    /** The error of its last run, null when it went through. */
    String error() {
        return error;
    }
}
