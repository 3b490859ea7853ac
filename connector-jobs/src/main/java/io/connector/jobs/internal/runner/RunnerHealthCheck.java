package io.connector.jobs.internal.runner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.connector.api.monitoring.HealthCheck;
import io.connector.jobs.internal.runner.JobRunner.Liveness;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code job-runner}: this node's job runner is active, its lease reaper went through within
 * {@value #PERIODS} of its periods and its dispatcher looked for jobs within as many poll
 * intervals (at least {@link #DISPATCHER_FLOOR}: a claim under load takes a while). A node
 * configured not to run jobs says so and is healthy. Without the runner component (its store or
 * channels missing) the check says so rather than vanish.
 */
@Component(service = HealthCheck.class, property = HealthCheck.NAME + "=job-runner")
public final class RunnerHealthCheck implements HealthCheck {

    /** How many of its periods a periodic task may miss before the runner is unhealthy. */
    static final int PERIODS = 3;
    static final Duration DISPATCHER_FLOOR = Duration.ofSeconds(10);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile JobRunner runner;
    private final Clock clock;

    /** For the container: the runner is injected. */
    public RunnerHealthCheck() {
        this.clock = Clock.systemUTC();
    }

    /** For use without a container, at the time {@code clock} tells. */
    public RunnerHealthCheck(JobRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public Result check() {
        JobRunner current = runner;
        if (current == null) {
            return Result.unhealthy("The job runner is not active on this node (is the connector database or the job "
                    + "configuration missing?)");
        }
        Liveness live = current.liveness().orElse(null);
        if (live == null) {
            return Result.unhealthy("The job runner has not started yet: it waits for the framework to finish starting");
        }
        if (!live.enabled()) {
            return Result.healthy("This node does not run jobs (runner.enabled=false): they are delayed here and run on "
                    + "other nodes");
        }
        if (!live.running()) {
            return Result.unhealthy("Job runner " + live.worker() + " is stopped");
        }
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        String reaper = late("its lease reaper", live.reapedAt(), live.startedAt(), live.reapInterval().multipliedBy(PERIODS),
                live.reapInterval(), live.reaperError(), now);
        if (reaper != null) {
            problems.add(reaper);
        }
        Duration pollLimit = live.pollInterval().multipliedBy(PERIODS);
        String dispatcher = late("its dispatcher", live.lookedAt(), live.startedAt(),
                pollLimit.compareTo(DISPATCHER_FLOOR) < 0 ? DISPATCHER_FLOOR : pollLimit, live.pollInterval(),
                live.dispatcherError(), now);
        if (dispatcher != null) {
            problems.add(dispatcher);
        }
        if (!problems.isEmpty()) {
            return Result.unhealthy("Job runner " + live.worker() + ": " + String.join("; ", problems));
        }
        return Result.healthy("Job runner " + live.worker() + " runs " + live.threads() + " threads and holds " + live.held()
                + " jobs; leases reaped " + ago(live.reapedAt(), live.startedAt(), now));
    }

    /** Why a periodic task is late (not gone through within {@code limit}, from its start before its first run), or null. */
    private static String late(String task, Instant ranAt, Instant startedAt, Duration limit, Duration period, String error,
            Instant now) {
        Instant since = ranAt != null ? ranAt : startedAt;
        if (since != null && Duration.between(since, now).compareTo(limit) <= 0) {
            return null;
        }
        return task + (ranAt == null ? " has not gone through since the runner started " + seconds(startedAt, now) + " ago"
                : " last went through " + seconds(ranAt, now) + " ago") + " (every " + text(period) + ")"
                + (error == null ? "" : ": " + error);
    }

    private static String ago(Instant ranAt, Instant startedAt, Instant now) {
        return ranAt == null ? "not yet (started " + seconds(startedAt, now) + " ago)" : seconds(ranAt, now) + " ago";
    }

    private static String seconds(Instant then, Instant now) {
        return then == null ? "?" : Math.max(0, Duration.between(then, now).toSeconds()) + " s";
    }

    private static String text(Duration period) {
        return period.toMillis() % 1000 == 0 ? period.toSeconds() + " s" : period.toMillis() + " ms";
    }
}
