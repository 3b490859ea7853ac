package io.connector.jobs.internal.runner;

import io.connector.jobs.internal.sql.JobReaper;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes the done jobs older than the retention, so that the table holds what operators look at. */
final class DoneJobCleanup implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DoneJobCleanup.class);

    private final SqlTransactions sql;
    private final int retentionDays;

    DoneJobCleanup(SqlTransactions sql, int retentionDays) {
        this.sql = sql;
        this.retentionDays = retentionDays;
    }

    @Override
    public void run() {
        try {
            int removed = sql.inTransaction(tx -> JobReaper.removeDone(tx.connection(), Sql.now().minusDays(retentionDays)));
            if (removed > 0) {
                LOG.info("Removed {} done jobs older than {} days", removed, retentionDays);
            }
        } catch (RuntimeException e) {
            LOG.error("Removing old done jobs failed: {}", e.getMessage(), e);
        }
    }
}
