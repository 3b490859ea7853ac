package io.connector.core.job;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * Runs jobs on this node: a dispatcher claims what the channels allow into free threads; each
 * job runs in a store transaction that also marks it done, so its work and its end commit
 * together; a heartbeat renews the leases of running jobs, shows long ones as started and
 * interrupts those past their timeout; a reaper puts back jobs whose lease expired, from any
 * node.
 */
@Component(service = JobRunner.class, immediate = true, configurationPid = JobConfiguration.PID)
@Designate(ocd = JobConfiguration.class)
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    static final String MDC_JOB = "job.uuid";
    static final String MDC_BACKEND = "backend.id";
    /** A job running longer than this is shown as started by the next heartbeat. */
    private static final Duration SHOW_STARTED_AFTER = Duration.ofMillis(500);

    /** A job this node runs. */
    private static final class Running {
        final JobRow job;
        final LocalDateTime startedAt = JobStore.now();
        final long deadline;
        volatile Thread thread;
        volatile boolean timedOut;
        volatile boolean shownStarted;

        Running(JobRow job, int timeoutSeconds) {
            this.job = job;
            this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        }
    }

    /** The claim was lost while the job ran: its work must not commit. */
    private static final class LostClaim extends RuntimeException {
        private static final long serialVersionUID = 1L;
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
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
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
        this.executor = Executors.newFixedThreadPool(threads, named("connector-job-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("connector-job-heartbeat-"));
        this.dispatcher = named("connector-job-dispatcher").newThread(this::dispatch);
        if (!config.runner_enabled()) {
            LOG.info("Job runner disabled on this node ({}=false): jobs are delayed here and run elsewhere", "runner.enabled");
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
        dispatcher.start();
        LOG.info("Job runner {} started: {} threads, channels {}", worker, threads, config.channels());
    }

    @Deactivate
    void stop() {
        stopped = true;
        wakeUp();
        scheduler.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("Job runner {} stopped with {} jobs still running; their leases will expire and they will run again",
                        worker, running.size());
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

    /** How many jobs this node runs now. */
    public int runningCount() {
        return running.size();
    }

    /** Looks for jobs now rather than at the next poll. */
    public void wakeUp() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void dispatch() {
        while (!stopped) {
            try {
                int free = threads - running.size();
                if (free > 0) {
                    LocalDateTime leaseUntil = JobStore.now().plusSeconds(config.lease_seconds());
                    List<JobRow> claimed = store.inConnection(c -> jobs.claim(c, channels, worker, leaseUntil, free));
                    for (JobRow job : claimed) {
                        int timeout = job.timeoutSeconds() != null ? job.timeoutSeconds() : JobFunctions.DEFAULT_TIMEOUT;
                        Running entry = new Running(job, timeout);
                        running.put(job.id(), entry);
                        executor.execute(() -> run(entry));
                    }
                    if (!claimed.isEmpty() && claimed.size() == free) {
                        continue; // there may be more: claim again as soon as threads free up
                    }
                }
                synchronized (signal) {
                    if (!wakeRequested && !stopped) {
                        signal.wait(config.poll_interval_ms());
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

    private void run(Running entry) {
        JobRow job = entry.job;
        entry.thread = Thread.currentThread();
        MDC.put(MDC_JOB, job.uuid());
        if (job.backendId() != null) {
            MDC.put(MDC_BACKEND, job.backendId());
        }
        try {
            Optional<Registered> function = functions.get(job.function());
            if (function.isEmpty()) {
                throw new RetryableJobException("No job function '" + job.function() + "' is registered (is its bundle "
                        + "installed and started?)", Duration.ofMinutes(1), false);
            }
            Map<String, Object> args = JsonArgs.read(job.args());
            Object result = store.inTransaction(session -> {
                Object value = function.get().function().run(new ConnectorJobQueue.Context(job.uuid(), job.function(), args,
                        job.backendId(), job.retry(), session, queue));
                if (entry.timedOut) {
                    throw new RetryableJobException("Timed out after " + timeoutOf(job) + " s");
                }
                if (!store.inConnection(c -> jobs.done(c, job, worker, entry.startedAt, text(value), null))) {
                    throw new LostClaim();
                }
                return value;
            });
            LOG.debug("Job {} done: {}", job.uuid(), result);
        } catch (LostClaim e) {
            LOG.warn("Job {} lost its claim while it ran (lease expired); its work was rolled back, another run finishes it",
                    job.uuid());
        } catch (NothingToDoException e) {
            end(job, c -> jobs.done(c, job, worker, entry.startedAt, e.getMessage(), null));
        } catch (RetryableJobException e) {
            retry(job, e.getMessage(), e.retryAfter(), !e.ignoreRetry(), e);
        } catch (Throwable e) {
            Throwable cause = unwrap(e);
            if (entry.timedOut) {
                retry(job, "Timed out after " + timeoutOf(job) + " s", null, true, cause);
            } else if (cause instanceof RetryableJobException retryable) {
                retry(job, retryable.getMessage(), retryable.retryAfter(), !retryable.ignoreRetry(), retryable);
            } else if (cause instanceof NothingToDoException nothing) {
                end(job, c -> jobs.done(c, job, worker, entry.startedAt, nothing.getMessage(), null));
            } else {
                LOG.warn("Job {} ({}) failed: {}", job.uuid(), job.function(), cause.toString());
                end(job, c -> jobs.failed(c, job, worker, cause, cause.getClass().getName() + ": " + cause.getMessage(),
                        job.retry() + 1));
            }
        } finally {
            Thread.interrupted(); // a timeout's interrupt must not reach the next job
            running.remove(job.id());
            MDC.remove(MDC_JOB);
            MDC.remove(MDC_BACKEND);
            wakeUp();
        }
    }

    private void retry(JobRow job, String message, Duration after, boolean counted, Throwable cause) {
        int retry = job.retry() + (counted ? 1 : 0);
        if (counted && job.maxRetries() > 0 && retry >= job.maxRetries()) {
            String reason = "Max. retries (" + job.maxRetries() + ") reached: " + message;
            end(job, c -> jobs.failed(c, job, worker, cause, reason, retry));
            return;
        }
        Duration delay = after != null ? after
                : functions.get(job.function()).map(f -> f.retryPattern()).orElse(RetryPattern.NONE).delay(Math.max(1, retry));
        LocalDateTime eta = JobStore.now().plus(delay);
        end(job, c -> jobs.retry(c, job, worker, eta, counted, message));
    }

    private void end(JobRow job, JdbcRecordStore.SqlWork<Boolean> transition) {
        try {
            if (!store.inConnection(transition)) {
                LOG.warn("Job {} had lost its claim before it ended; the state another worker gave it stays", job.uuid());
            }
        } catch (RuntimeException e) {
            // The lease will expire and the job run again: nothing is lost.
            LOG.error("Could not record the end of job {}: {}", job.uuid(), e.getMessage(), e);
        }
    }

    private void heartbeat() {
        try {
            List<Long> alive = new ArrayList<>();
            Map<Long, LocalDateTime> longRunning = new HashMap<>();
            long now = System.nanoTime();
            for (Running entry : running.values()) {
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
                    if (!entry.shownStarted && entry.startedAt.plus(SHOW_STARTED_AFTER).isBefore(JobStore.now())) {
                        longRunning.put(entry.job.id(), entry.startedAt);
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

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
