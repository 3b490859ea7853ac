package io.connector.core.job;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.core.job.JobFunctions.Registered;
import io.connector.core.store.JdbcRecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs jobs on this node. A dispatcher claims what the channels allow into a local queue; each
 * thread takes a job from it and runs it in a store transaction that also marks it done, so a
 * job's work and its end commit together, and, while more jobs wait, runs them in the same
 * transaction, each in a savepoint (a failed one is rolled back alone): fewer commits, which is
 * what limits a queue on a database. A heartbeat renews the leases of the jobs held, shows long
 * ones as started and interrupts those past their timeout; a reaper puts back jobs whose lease
 * expired, from any node.
 */
@Component(service = JobRunner.class, immediate = true, configurationPid = JobConfiguration.PID)
@Designate(ocd = JobConfiguration.class)
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    static final String MDC_JOB = "job.uuid";
    static final String MDC_BACKEND = "backend.id";
    /** A job running longer than this is shown as started by the next heartbeat. */
    private static final Duration SHOW_STARTED_AFTER = Duration.ofMillis(500);
    /** A batch transaction takes no more jobs once it is this old. */
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** A job this node holds: waiting in the local queue, or running. */
    private static final class Held {
        final JobRow job;
        volatile LocalDateTime startedAt;
        volatile long deadline = Long.MAX_VALUE;
        volatile Thread thread;
        volatile boolean timedOut;
        volatile boolean shownStarted;

        Held(JobRow job) {
            this.job = job;
        }

        void start(int timeoutSeconds) {
            startedAt = JobStore.now();
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            thread = Thread.currentThread();
        }
    }

    private final JdbcRecordStore store;
    private final JobFunctions functions;
    private final ConnectorJobQueue queue;
    private final JobStore jobs = new JobStore();
    private final JobConfiguration config;
    private final ChannelTree channels;
    private final String node;
    private final String worker;
    private final int threads;
    private final int batchSize;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final BlockingQueue<Held> ready = new LinkedBlockingQueue<>();
    private final Object signal = new Object();
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Thread dispatcher;
    private volatile boolean stopped;
    private boolean wakeRequested;

    @Activate
    public JobRunner(@Reference JdbcRecordStore store, @Reference JobFunctions functions,
            @Reference ConnectorJobQueue queue, JobConfiguration config) {
        this.store = store;
        this.functions = functions;
        this.queue = queue;
        this.config = config;
        this.channels = ChannelTree.parse(config.channels());
        this.node = config.node_id().isBlank() ? hostName() : config.node_id();
        this.worker = node + "#" + UUID.randomUUID().toString().substring(0, 8);
        this.threads = config.threads() > 0 ? config.threads() : channels.resolve(ChannelTree.ROOT).capacity();
        this.batchSize = Math.max(1, config.batch_size());
        this.executor = Executors.newFixedThreadPool(threads, named("connector-job-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("connector-job-heartbeat-"));
        this.dispatcher = named("connector-job-dispatcher").newThread(this::dispatch);
        if (!config.runner_enabled()) {
            LOG.info("Job runner disabled on this node (runner.enabled=false): jobs are delayed here and run elsewhere");
            return;
        }
        int recovered = store.inConnection(c -> jobs.reapWorkers(c, node + "#", worker));
        if (recovered > 0) {
            LOG.warn("Took back {} jobs that this node ({}) held when it stopped", recovered, node);
        }
        long beat = Math.max(1, config.lease_seconds() * 1000L / 4);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::reap, config.reap_interval_seconds(), config.reap_interval_seconds(),
                TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(this::cleanUp, 1, 60, TimeUnit.MINUTES);
        for (int i = 0; i < threads; i++) {
            executor.execute(this::work);
        }
        dispatcher.start();
        LOG.info("Job runner {} started: {} threads, channels {}", worker, threads, config.channels());
    }

    @Deactivate
    public void stop() {
        stopped = true;
        wakeUp();
        scheduler.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("Job runner {} stopped with {} jobs still running; their leases will expire and they will run again",
                        worker, held.size());
            }
            dispatcher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String worker() {
        return worker;
    }

    public ChannelTree channels() {
        return channels;
    }

    /** How many jobs this node holds now, waiting for a thread or running. */
    public int runningCount() {
        return held.size();
    }

    /** Looks for jobs now rather than at the next poll. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    /** Claims while the local queue runs low: up to a batch per thread held at once. */
    private void dispatch() {
        while (!stopped) {
            try {
                int room = threads * batchSize - held.size();
                boolean full = false;
                if (room > 0 && ready.size() < threads * Math.max(1, batchSize / 2)) {
                    LocalDateTime leaseUntil = JobStore.now().plusSeconds(config.lease_seconds());
                    List<JobRow> claimed = store.inConnection(c -> jobs.claim(c, channels, worker, leaseUntil, room));
                    for (JobRow job : claimed) {
                        Held entry = new Held(job);
                        held.put(job.id(), entry);
                        ready.add(entry);
                    }
                    full = !claimed.isEmpty() && claimed.size() == room;
                }
                synchronized (signal) {
                    if (!wakeRequested && !stopped) {
                        signal.wait(full || !ready.isEmpty() ? 20 : config.poll_interval_ms());
                    }
                    wakeRequested = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Claiming jobs failed; trying again in {} ms: {}", config.poll_interval_ms(), e.getMessage(), e);
                sleep(config.poll_interval_ms());
            }
        }
    }

    /** A thread's loop: a batch of jobs per transaction while jobs are waiting. */
    private void work() {
        while (!stopped) {
            Held first;
            try {
                first = ready.poll(config.poll_interval_ms(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<Held> batch = new ArrayList<>();
            try {
                store.inTransaction(session -> store.inConnection(c -> {
                    long begun = System.nanoTime();
                    List<JobStore.Ended> ended = new ArrayList<>();
                    Held next = first;
                    while (next != null) {
                        batch.add(next);
                        runInBatch(next, session, c, ended);
                        next = batch.size() < batchSize && System.nanoTime() - begun < BATCH_NANOS ? ready.poll() : null;
                    }
                    for (JobRow lost : jobs.doneAll(c, ended)) {
                        LOG.warn("Job {} lost its claim while it ran (its lease expired); another run finishes it", lost.uuid());
                    }
                    return null;
                }));
            } catch (RuntimeException e) {
                // The batch's commit failed: nothing of it is kept, and this node still holds the
                // jobs. Each runs again alone, so that one bad job cannot keep failing the others.
                LOG.warn("A batch of {} jobs could not commit ({}); running them one by one", batch.size(), e.getMessage());
                for (Held entry : batch) {
                    try {
                        store.inTransaction(session -> store.inConnection(c -> {
                            List<JobStore.Ended> ended = new ArrayList<>();
                            runInBatch(entry, session, c, ended);
                            jobs.doneAll(c, ended);
                            return null;
                        }));
                    } catch (RuntimeException again) {
                        LOG.error("Job {} could not be run or recorded; its lease will expire and it will run again: {}",
                                entry.job.uuid(), again.getMessage(), again);
                    }
                }
            } finally {
                for (Held entry : batch) {
                    held.remove(entry.job.id());
                }
                wakeUp();
            }
        }
    }

    /**
     * Runs one job inside the batch's transaction. Its first statement sets a savepoint: what it
     * did is kept with its end, or rolled back alone while the rest of the batch goes on. A job
     * that issued no statement needs none, and its end joins the batch's last statement.
     */
    private void runInBatch(Held entry, io.connector.api.store.StoreSession session, Connection c,
            List<JobStore.Ended> ended) throws SQLException {
        JobRow job = entry.job;
        entry.start(timeoutOf(job));
        MDC.put(MDC_JOB, job.uuid());
        if (job.backendId() != null) {
            MDC.put(MDC_BACKEND, job.backendId());
        }
        Savepoint[] savepoint = new Savepoint[1];
        store.beforeStatements(() -> {
            if (savepoint[0] == null) {
                try {
                    savepoint[0] = c.setSavepoint();
                } catch (SQLException e) {
                    throw new io.connector.api.store.StoreException("Cannot set a savepoint: " + e.getMessage(), e);
                }
            }
        });
        try {
            Registered function = functions.get(job.function()).orElseThrow(() -> new RetryableJobException(
                    "No job function '" + job.function() + "' is registered (is its bundle installed and started?)",
                    Duration.ofMinutes(1), false));
            Object value = function.function().run(new ConnectorJobQueue.Context(job.uuid(), job.function(),
                    JsonArgs.read(job.args()), job.backendId(), job.retry(), session, queue));
            store.beforeStatements(null);
            if (entry.timedOut) {
                throw new RetryableJobException("Timed out after " + timeoutOf(job) + " s");
            }
            String result = value == null ? null : value.toString();
            if (savepoint[0] == null && !job.hasChildren()) {
                ended.add(new JobStore.Ended(job, entry.startedAt, result));
                return;
            }
            if (!jobs.done(c, job, worker, entry.startedAt, result, null)) {
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
        } catch (Throwable e) {
            store.beforeStatements(null);
            Thread.interrupted(); // a timeout's interrupt must not reach the database or the next job
            if (savepoint[0] != null) {
                c.rollback(savepoint[0]);
            }
            store.clearRollbackOnly();
            Throwable cause = unwrap(e);
            if (entry.timedOut && !(cause instanceof RetryableJobException)) {
                cause = new RetryableJobException("Timed out after " + timeoutOf(job) + " s", cause);
            }
            boolean recorded;
            if (cause instanceof RetryableJobException retryable) {
                recorded = retry(c, job, retryable);
            } else if (cause instanceof NothingToDoException nothing) {
                recorded = jobs.done(c, job, worker, entry.startedAt, nothing.getMessage(), null);
            } else {
                LOG.warn("Job {} ({}) failed: {}", job.uuid(), job.function(), cause.toString());
                recorded = jobs.failed(c, job, worker, cause, cause.getMessage() == null ? cause.toString() : cause.getMessage(),
                        job.retry() + 1);
            }
            if (!recorded) {
                LOG.warn("Job {} had lost its claim before it ended; the state another worker gave it stays", job.uuid());
            }
        } finally {
            MDC.remove(MDC_JOB);
            MDC.remove(MDC_BACKEND);
        }
    }

    private boolean retry(Connection c, JobRow job, RetryableJobException e) throws SQLException {
        boolean counted = !e.ignoreRetry();
        int retry = job.retry() + (counted ? 1 : 0);
        if (counted && job.maxRetries() > 0 && retry >= job.maxRetries()) {
            return jobs.failed(c, job, worker, e, "Max. retries (" + job.maxRetries() + ") reached: " + e.getMessage(), retry);
        }
        Duration delay = e.retryAfter() != null ? e.retryAfter()
                : functions.get(job.function()).map(Registered::retryPattern).orElse(RetryPattern.NONE).delay(Math.max(1, retry));
        return jobs.retry(c, job, worker, JobStore.now().plus(delay), counted, e.getMessage());
    }

    private void heartbeat() {
        try {
            List<Long> alive = new ArrayList<>();
            Map<Long, LocalDateTime> longRunning = new HashMap<>();
            long now = System.nanoTime();
            for (Held entry : held.values()) {
                if (!entry.timedOut && now > entry.deadline) {
                    entry.timedOut = true;
                    Thread thread = entry.thread;
                    LOG.warn("Job {} ({}) is past its timeout of {} s: interrupting it", entry.job.uuid(), entry.job.function(),
                            timeoutOf(entry.job));
                    if (thread != null) {
                        thread.interrupt();
                    }
                }
                if (!entry.timedOut) {
                    alive.add(entry.job.id());
                    LocalDateTime started = entry.startedAt;
                    if (started != null && !entry.shownStarted && started.plus(SHOW_STARTED_AFTER).isBefore(JobStore.now())) {
                        longRunning.put(entry.job.id(), started);
                        entry.shownStarted = true;
                    }
                }
            }
            LocalDateTime leaseUntil = JobStore.now().plusSeconds(config.lease_seconds());
            store.inConnection(c -> {
                jobs.heartbeat(c, worker, alive, longRunning, leaseUntil);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Job heartbeat failed: {}", e.getMessage(), e);
        }
    }

    private void reap() {
        try {
            int reaped = store.inConnection(jobs::reapExpired);
            if (reaped > 0) {
                LOG.warn("{} jobs had an expired lease: back to pending (or failed at their last try)", reaped);
                wakeUp();
            }
        } catch (RuntimeException e) {
            LOG.error("Checking expired job leases failed: {}", e.getMessage(), e);
        }
    }

    private void cleanUp() {
        try {
            int removed = store.inConnection(c -> jobs.removeDone(c, JobStore.now().minusDays(config.retention_days())));
            if (removed > 0) {
                LOG.info("Removed {} done jobs older than {} days", removed, config.retention_days());
            }
        } catch (RuntimeException e) {
            LOG.error("Removing old done jobs failed: {}", e.getMessage(), e);
        }
    }

    private int timeoutOf(JobRow job) {
        return job.timeoutSeconds() != null ? job.timeoutSeconds() : JobFunctions.DEFAULT_TIMEOUT;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getClass() == io.connector.api.ConnectorException.class
                && t.getMessage() != null && t.getMessage().equals(t.getCause().getMessage()))) {
            t = t.getCause();
        }
        return t;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
