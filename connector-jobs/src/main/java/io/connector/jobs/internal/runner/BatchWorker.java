package io.connector.jobs.internal.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.connector.api.ConnectorException;
import io.connector.api.job.JobQueue;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.monitoring.ActivityListener.Outcome;
import io.connector.api.store.StoreException;
import io.connector.jobs.internal.JobFunctions;
import io.connector.jobs.internal.JobFunctions.Registered;
import io.connector.jobs.internal.JobRow;
import io.connector.jobs.internal.JobRunContext;
import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.JsonArgs;
import io.connector.jobs.internal.RetryPattern;
import io.connector.jobs.internal.sql.JobTransitions;
import io.connector.jobs.internal.runner.JobActivity.RunEnd;
import io.connector.jobs.internal.sql.JobTransitions.Ended;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransaction;
import io.connector.store.spi.SqlTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One thread of the runner. It takes a job from the local queue and runs it in a store
 * transaction that also marks it done, so a job's work and its end commit together; while more
 * jobs wait, it runs them in the same transaction, each from its first statement in a savepoint
 * (a failed one is rolled back alone): fewer commits, which is what limits a queue on a database.
 * The {@link JobActivity} hears how each run ended once the batch committed: a batch whose commit
 * failed runs its jobs again alone, and their runs would otherwise be counted twice.
 */
final class BatchWorker implements Runnable {

    static final String MDC_JOB = "job.uuid";
    static final String MDC_BACKEND = "backend.id";
    static final String MDC_FUNCTION = "job.function";
    static final String MDC_CHANNEL = "job.channel";
    private static final Logger LOG = LoggerFactory.getLogger(BatchWorker.class);
    /** How the error of a job whose function is not registered starts. */
    static final String NOT_REGISTERED = "No job function '";
    /** A batch transaction takes no more jobs once it is this old. */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SqlTransactions sql;
    private final JobFunctions functions;
    private final JobQueue queue;
    private final JobSignal signal;
    private final LocalJobs local;
    private final RunnerSettings settings;
    private final JobActivity activity;
    private volatile boolean stopped;

    BatchWorker(SqlTransactions sql, JobFunctions functions, JobQueue queue, JobSignal signal, LocalJobs local,
            RunnerSettings settings, JobActivity activity) {
        this.sql = sql;
        this.functions = functions;
        this.queue = queue;
        this.signal = signal;
        this.local = local;
        this.settings = settings;
        this.activity = activity;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            HeldJob first;
            try {
                first = local.ready.poll(settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first != null) {
                runBatch(first);
            }
        }
    }

    /** The first job, and those waiting after it while the batch is young and small. */
    private void runBatch(HeldJob first) {
        List<HeldJob> batch = new ArrayList<>();
        try {
            List<RunEnd> ends = sql.inTransaction(tx -> {
                long begun = System.nanoTime();
                List<Ended> ended = new ArrayList<>();
                List<Heard> heard = new ArrayList<>();
                HeldJob next = first;
                while (next != null) {
                    batch.add(next);
                    run(next, tx, ended, heard);
                    next = batch.size() < settings.batchSize() && System.nanoTime() - begun < BATCH_NANOS
                            ? local.ready.poll() : null;
                }
                List<JobRow> lost = JobTransitions.doneAll(tx.connection(), ended);
                for (JobRow job : lost) {
                    LOG.warn("Job {} lost its claim while it ran (its lease expired); another run finishes it", job.uuid());
                }
                return kept(heard, lost);
            });
            activity.tell(ends);
        } catch (RuntimeException e) {
            // The batch's commit failed: nothing of it is kept, and this node still holds the
            // jobs. Each runs again alone, so that one bad job cannot keep failing the others.
            LOG.warn("A batch of {} jobs could not commit ({}); running them one by one", batch.size(), e.getMessage());
            batch.forEach(this::runAlone);
        } finally {
            batch.forEach(local::release);
            signal.raise();
            signal.ended();
        }
    }

    private void runAlone(HeldJob entry) {
        try {
            List<RunEnd> ends = sql.inTransaction(tx -> {
                List<Ended> ended = new ArrayList<>();
                List<Heard> heard = new ArrayList<>();
                run(entry, tx, ended, heard);
                return kept(heard, JobTransitions.doneAll(tx.connection(), ended));
            });
            activity.tell(ends);
        } catch (RuntimeException again) {
            LOG.error("Job {} could not be run or recorded; its lease will expire and it will run again: {}",
                    entry.job.uuid(), again.getMessage(), again);
        }
    }

    /** How a job's run ended, as its transaction will record it. */
    private record Heard(JobRow job, RunEnd end) {
    }

    /** The ends heard, but those of the jobs whose end could not be recorded (they lost their claim). */
    private static List<RunEnd> kept(List<Heard> heard, List<JobRow> lost) {
        Set<Long> gone = new java.util.HashSet<>(lost.stream().map(JobRow::id).toList());
        return heard.stream().filter(h -> !gone.contains(h.job().id())).map(Heard::end).toList();
    }

    /**
     * Runs one job inside the batch's transaction. Its first statement sets a savepoint: what it
     * did is kept with its end, or rolled back alone while the rest of the batch goes on. A job
     * that issued no statement needs none, and its end joins the batch's last statement.
     */
    private void run(HeldJob entry, SqlTransaction tx, List<Ended> ended, List<Heard> heard) throws SQLException {
        JobRow job = entry.job;
        Connection c = tx.connection();
        entry.start();
        long begun = System.nanoTime();
        MDC.put(MDC_JOB, job.uuid());
        MDC.put(MDC_FUNCTION, job.function());
        MDC.put(MDC_CHANNEL, job.channel());
        if (job.backendId() != null) {
            MDC.put(MDC_BACKEND, job.backendId());
        }
        Savepoint[] savepoint = new Savepoint[1];
        tx.beforeStatements(() -> {
            if (savepoint[0] == null) {
                try {
                    savepoint[0] = c.setSavepoint();
                } catch (SQLException e) {
                    throw new StoreException("Cannot set a savepoint: " + e.getMessage(), e);
                }
            }
        });
        try {
            String result = call(entry, tx);
            tx.beforeStatements(null);
            RunEnd done = new RunEnd(job.function(), job.channel(), Outcome.DONE, Duration.ofNanos(System.nanoTime() - begun));
            if (savepoint[0] == null && !job.hasChildren()) {
                ended.add(new Ended(job, entry.startedAt, result));
                heard.add(new Heard(job, done));
                return;
            }
            if (!JobTransitions.done(c, job, entry.startedAt, result)) {
                if (savepoint[0] != null) {
                    c.rollback(savepoint[0]);
                }
                LOG.warn("Job {} lost its claim while it ran (its lease expired): its work was rolled back, another run "
                        + "finishes it", job.uuid());
                return;
            }
            if (savepoint[0] != null) {
                c.releaseSavepoint(savepoint[0]);
            }
            heard.add(new Heard(job, done));
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // A job's own failure, whatever it threw but the errors that leave the VM unfit to go
            // on (out of memory and the like), which end the batch and reach the thread.
            tx.beforeStatements(null);
            Thread.interrupted(); // a timeout's interrupt must not reach the database or the next job
            if (savepoint[0] != null) {
                c.rollback(savepoint[0]);
            }
            tx.clearRollbackOnly();
            Duration took = Duration.ofNanos(System.nanoTime() - begun);
            Outcome outcome = end(entry, c, e);
            if (outcome != null) {
                heard.add(new Heard(job, new RunEnd(job.function(), job.channel(), outcome, took)));
            }
        } finally {
            MDC.remove(MDC_JOB);
            MDC.remove(MDC_FUNCTION);
            MDC.remove(MDC_CHANNEL);
            MDC.remove(MDC_BACKEND);
        }
    }

    /** Runs the job's function; its result as text. */
    private String call(HeldJob entry, SqlTransaction tx) throws Exception {
        JobRow job = entry.job;
        // Not counted as a try: the job is not at fault. A bundle in deploy/ starts after the
        // framework, so after a restart its jobs would lose tries while it is not up yet.
        Registered function = functions.get(job.function()).orElseThrow(() -> new RetryableJobException(
                NOT_REGISTERED + job.function() + "' is registered (is its bundle installed and started?)",
                Duration.ofMinutes(1), true));
        Object value = function.function().run(new JobRunContext(job.uuid(), job.function(), JsonArgs.read(job.args()),
                job.backendId(), job.retry(), tx.session(), queue));
        if (entry.timedOut) {
            throw new RetryableJobException("Timed out after " + entry.timeoutSeconds() + " s");
        }
        return value == null ? null : value.toString();
    }

    /**
     * A job that threw: retried, done when it had nothing to do, or failed with its error kept.
     * Returns how its run ended, or null when its end could not be recorded.
     */
    private Outcome end(HeldJob entry, Connection c, Throwable e) throws SQLException {
        JobRow job = entry.job;
        Throwable cause = unwrap(e);
        if (entry.timedOut && !(cause instanceof RetryableJobException)) {
            cause = new RetryableJobException("Timed out after " + entry.timeoutSeconds() + " s", cause);
        }
        Outcome outcome;
        boolean recorded;
        if (cause instanceof RetryableJobException retryable) {
            outcome = retry(c, job, retryable);
            recorded = outcome != null;
        } else if (cause instanceof NothingToDoException nothing) {
            outcome = Outcome.DONE;
            recorded = JobTransitions.done(c, job, entry.startedAt, nothing.getMessage());
        } else {
            LOG.warn("Job {} ({}) failed: {}", job.uuid(), job.function(), cause.toString());
            outcome = Outcome.FAILED;
            recorded = JobTransitions.failed(c, job, cause, cause.getMessage() == null ? cause.toString() : cause.getMessage(),
                    job.retry() + 1);
        }
        if (!recorded) {
            LOG.warn("Job {} had lost its claim before it ended; the state another worker gave it stays", job.uuid());
            return null;
        }
        return outcome;
    }

    /** RETRIED, or FAILED once its tries are used up; null when it had lost its claim. */
    private Outcome retry(Connection c, JobRow job, RetryableJobException e) throws SQLException {
        boolean counted = !e.ignoreRetry();
        int retry = job.retry() + (counted ? 1 : 0);
        if (counted && job.maxRetries() > 0 && retry >= job.maxRetries()) {
            return JobTransitions.failed(c, job, e, "Max. retries (" + job.maxRetries() + ") reached: " + e.getMessage(), retry)
                    ? Outcome.FAILED : null;
        }
        Duration delay = e.retryAfter() != null ? e.retryAfter()
                : functions.get(job.function()).map(Registered::retryPattern).orElse(RetryPattern.NONE).delay(Math.max(1, retry));
        return JobTransitions.retry(c, job, settings.worker(), Sql.now().plus(delay), counted, e.getMessage())
                ? Outcome.RETRIED : null;
    }

    /** The exception a function threw, out of the store's wrapping that only repeats its message. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getClass() == ConnectorException.class
                && t.getMessage() != null && t.getMessage().equals(t.getCause().getMessage()))) {
            t = t.getCause();
        }
        return t;
    }
}
