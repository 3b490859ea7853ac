package io.connector.jobs.internal.runner;

import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import io.connector.jobs.internal.JobFunctions;
import io.connector.jobs.internal.JobRow;
import io.connector.store.spi.Sql;

/** A job this node holds: waiting in the local queue for a thread, or running. */
final class HeldJob {

    final JobRow job;
    volatile LocalDateTime startedAt;
    volatile long deadline = Long.MAX_VALUE;
    volatile Thread thread;
    volatile boolean timedOut;
    volatile boolean shownStarted;

    HeldJob(JobRow job) {
        this.job = job;
    }

    void start() {
        startedAt = Sql.now();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds());
        thread = Thread.currentThread();
    }

    int timeoutSeconds() {
        return job.timeoutSeconds() != null ? job.timeoutSeconds() : JobFunctions.DEFAULT_TIMEOUT;
    }
}
