package io.connector.jobs.internal.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;

import io.connector.api.job.JobQueue;
import io.connector.api.monitoring.ActivityListener;
import io.connector.jobs.internal.ChannelTree;
import io.connector.jobs.internal.JobChannels;
import io.connector.jobs.internal.JobConfiguration;
import io.connector.jobs.internal.JobFunctions;
import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.sql.JobReaper;
import io.connector.store.spi.SqlTransactions;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on this node: a {@link JobDispatcher} claims what the channels allow, a
 * {@link BatchWorker} per thread runs them, and one scheduler runs the periodic tasks: the
 * {@link Heartbeat}, the {@link LeaseReaper}, the {@link DoneJobCleanup} and, when a job function
 * arrives, the {@link WaitingJobsRelease} of its jobs. Started when the
 * component activates, or, while the framework is still starting its bundles, once it has: the
 * bundles of the functions this node would run may not be started yet, and their jobs would be
 * tried for nothing. Stopped when the component deactivates.
 */
@Component(service = JobRunner.class, immediate = true, configurationPid = JobConfiguration.PID)
@Designate(ocd = JobConfiguration.class)
public final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    @Reference
    private SqlTransactions sql;
    @Reference
    private JobFunctions functions;
    @Reference
    private JobQueue queue;
    @Reference
    private JobChannels channels;
    @Reference
    private JobSignal signal;
    /** This node's backend records; absent on a node without the core (it has no backend). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile BackendRecords backendRecords;
    private Supplier<Set<String>> nodeBackendIds = this::configuredBackends;

    private final LocalJobs local = new LocalJobs();
    private final JobActivity activity = new JobActivity();
    private final List<BatchWorker> workers = new ArrayList<>();
    private volatile RunnerSettings settings;
    private volatile boolean enabled;
    private ExecutorService executor;
    private ScheduledExecutorService scheduler;
    private volatile JobDispatcher dispatcher;
    private volatile LeaseReaper reaper;
    private volatile Instant startedAt;
    private Thread dispatcherThread;
    private BundleContext context;
    private FrameworkListener whenStarted;
    private Consumer<String> onArrival;

    /** For the container: references are injected, then {@link #start} runs. */
    public JobRunner() {
    }

    /** For use without a container, on a node without backends; call {@link #start} next. */
    public JobRunner(SqlTransactions sql, JobFunctions functions, JobQueue queue, JobChannels channels, JobSignal signal) {
        this(sql, functions, queue, channels, signal, Set::of);
    }

    /** For use without a container, on a node with the backends (ids) {@code backendIds} gives; call {@link #start} next. */
    public JobRunner(SqlTransactions sql, JobFunctions functions, JobQueue queue, JobChannels channels, JobSignal signal,
            Supplier<Set<String>> backendIds) {
        this.sql = sql;
        this.functions = functions;
        this.queue = queue;
        this.channels = channels;
        this.signal = signal;
        this.nodeBackendIds = backendIds;
    }

    /** Hears how each run of a job on this node ended. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addActivityListener(ActivityListener listener) {
        activity.add(listener);
    }

    public void removeActivityListener(ActivityListener listener) {
        activity.remove(listener);
    }

    /** The ids of this node's backend records whose backend is installed: the backends it can run jobs of. */
    private Set<String> configuredBackends() {
        BackendRecords records = backendRecords;
        Set<String> ids = new TreeSet<>();
        if (records != null) {
            for (BackendRecord record : records.all()) {
                try {
                    if (record.backend() != null) {
                        ids.add(record.id());
                    }
                } catch (RuntimeException notInstalled) {
                    // its backend's bundle is not here: this node cannot run its jobs
                }
            }
        }
        return ids;
    }

    @Activate
    void activate(JobConfiguration config, BundleContext bundleContext) {
        Bundle framework = bundleContext.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        if (framework == null || framework.getState() == Bundle.ACTIVE) {
            start(config);
            return;
        }
        context = bundleContext;
        whenStarted = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                startOnce(config);
            }
        };
        bundleContext.addFrameworkListener(whenStarted);
        if (framework.getState() == Bundle.ACTIVE) {
            startOnce(config); // it finished between the look and the listener
        }
    }

    private synchronized void startOnce(JobConfiguration config) {
        if (settings == null) {
            start(config);
        }
    }

    /** Starts at once; for use without a container, after the constructor. */
    public synchronized void start(JobConfiguration config) {
        RunnerSettings current = RunnerSettings.of(config, channels.current().resolve(ChannelTree.ROOT).capacity());
        startedAt = Instant.now();
        enabled = config.runner_enabled();
        settings = current;
        if (!config.runner_enabled()) {
            LOG.info("Job runner disabled on this node (runner.enabled=false): jobs are delayed here and run elsewhere");
            return;
        }
        int recovered = sql.inTransaction(tx -> JobReaper.reapWorkers(tx.connection(), current.node() + "#", current.worker()));
        if (recovered > 0) {
            LOG.warn("Took back {} jobs that this node ({}) held when it stopped", recovered, current.node());
        }
        long beat = Math.max(1, current.leaseSeconds() * 1000L / 4);
        NodeBackends nodeBackends = new NodeBackends(sql, current.node(), nodeBackendIds, beat);
        nodeBackends.run();
        scheduler = Executors.newSingleThreadScheduledExecutor(named("connector-job-heartbeat-"));
        scheduler.scheduleWithFixedDelay(new Heartbeat(sql, local, current), beat, beat, TimeUnit.MILLISECONDS);
        long look = Math.min(beat, NodeBackends.LOOK_MILLIS);
        scheduler.scheduleWithFixedDelay(nodeBackends, look, look, TimeUnit.MILLISECONDS);
        reaper = new LeaseReaper(sql, signal);
        scheduler.scheduleWithFixedDelay(reaper, current.reapIntervalSeconds(), current.reapIntervalSeconds(), TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(new DoneJobCleanup(sql, current.retentionDays()), 1, 60, TimeUnit.MINUTES);
        ScheduledExecutorService tasks = scheduler;
        onArrival = function -> tasks.execute(new WaitingJobsRelease(sql, signal, function, BatchWorker.NOT_REGISTERED + function));
        functions.addArrivalListener(onArrival);
        executor = Executors.newFixedThreadPool(current.threads(), named("connector-job-"));
        for (int i = 0; i < current.threads(); i++) {
            BatchWorker worker = new BatchWorker(sql, functions, queue, signal, local, current, activity);
            workers.add(worker);
            executor.execute(worker);
        }
        dispatcher = new JobDispatcher(sql, channels, signal, local, current, nodeBackends);
        dispatcherThread = named("connector-job-dispatcher").newThread(dispatcher);
        dispatcherThread.start();
        LOG.info("Job runner {} started: {} threads, channels {}", current.worker(), current.threads(),
                channels.current().channels().stream().map(c -> c.name() + ":" + c.capacity()).toList());
    }

    @Deactivate
    public synchronized void stop() {
        if (whenStarted != null) {
            context.removeFrameworkListener(whenStarted);
            whenStarted = null;
        }
        if (dispatcher == null) {
            return;
        }
        functions.removeArrivalListener(onArrival);
        dispatcher.stop();
        workers.forEach(BatchWorker::stop);
        scheduler.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("Job runner {} stopped with {} jobs still running; their leases will expire and they will run again",
                        settings.worker(), local.held.size());
            }
            dispatcherThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher = null;
    }

    /** Whether this node runs jobs (false with {@code runner.enabled=false}). */
    public boolean running() {
        return dispatcher != null;
    }

    /**
     * What the {@code job-runner} health check reads of this node's runner: whether it is enabled
     * and running, and when its lease reaper and its dispatcher last went through.
     */
    public record Liveness(String worker, boolean enabled, boolean running, Instant startedAt, int threads, int held,
            Duration reapInterval, Instant reapedAt, String reaperError, Duration pollInterval, Instant lookedAt,
            String dispatcherError) {
    }

    /** Empty until the runner started, or found itself disabled; read without waiting for a start or a stop. */
    public Optional<Liveness> liveness() {
        RunnerSettings current = settings;
        if (current == null) {
            return Optional.empty();
        }
        JobDispatcher claiming = dispatcher;
        LeaseReaper reaping = reaper;
        return Optional.of(new Liveness(current.worker(), enabled, claiming != null, startedAt, current.threads(),
                local.held.size(), Duration.ofSeconds(current.reapIntervalSeconds()), reaping == null ? null : reaping.ranAt(),
                reaping == null ? null : reaping.error(), Duration.ofMillis(current.pollIntervalMillis()),
                claiming == null ? null : claiming.lookedAt(), claiming == null ? null : claiming.error()));
    }

    public String worker() {
        RunnerSettings current = settings;
        return current == null ? null : current.worker();
    }

    /** How many jobs this node holds now, waiting for a thread or running. */
    public int runningCount() {
        return local.held.size();
    }

    /** Looks for jobs now rather than at the next poll. */
    public void wakeUp() {
        signal.raise();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
