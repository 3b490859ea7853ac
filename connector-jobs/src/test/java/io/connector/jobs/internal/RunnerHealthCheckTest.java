package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.connector.api.monitoring.HealthCheck.Result;
import io.connector.jobs.internal.runner.JobRunner;
import io.connector.jobs.internal.runner.RunnerHealthCheck;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job-runner health check of a node, on H2: reaped every second, polled every 50 ms. */
class RunnerHealthCheckTest {

    private StoreFixture fixture;
    private QueueParts parts;
    private JobRunner runner;

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(TestDatabase.h2());
        parts = new QueueParts(fixture.store, new JobFunctions(), new TestJobConfig().runner(false));
        runner = new JobRunner(parts.sql, new JobFunctions(), parts.queue, parts.channels, parts.signal);
    }

    @AfterEach
    void tearDown() {
        runner.stop();
        fixture.close();
    }

    @Test
    void aRunningRunnerWhoseReaperWentThroughIsHealthy() throws Exception {
        runner.start(new TestJobConfig().node("node-a").threads(2));
        RunnerHealthCheck check = new RunnerHealthCheck(runner, Clock.systemUTC());
        Result atStart = check.check();
        assertThat(atStart.healthy()).as(atStart.message()).isTrue();
        assertThat(atStart.message()).startsWith("Job runner node-a#").contains(" runs 2 threads and holds 0 jobs");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (check.check().message().contains("not yet") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Result reaped = check.check();
        assertThat(reaped.healthy()).as(reaped.message()).isTrue();
        assertThat(reaped.message()).matches("Job runner node-a#\\w+ runs 2 threads and holds 0 jobs; leases reaped \\d+ s ago");
    }

    @Test
    void aReaperAndDispatcherThatDidNotGoThroughForThreePeriodsAreUnhealthy() {
        runner.start(new TestJobConfig().node("node-a"));
        Result late = new RunnerHealthCheck(runner, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1))).check();
        assertThat(late.healthy()).isFalse();
        assertThat(late.message()).startsWith("Job runner node-a#")
                .containsPattern("its lease reaper (has not gone through since the runner started|last went through) 6\\d s ago "
                        + "\\(every 1 s\\)")
                .containsPattern("its dispatcher (has not gone through since the runner started|last went through) 6\\d s ago "
                        + "\\(every 50 ms\\)");
    }

    @Test
    void aNodeThatDoesNotRunJobsSaysSoAndIsHealthy() {
        runner.start(new TestJobConfig().runner(false));
        assertThat(new RunnerHealthCheck(runner, Clock.systemUTC()).check()).isEqualTo(Result.healthy(
                "This node does not run jobs (runner.enabled=false): they are delayed here and run on other nodes"));
    }

    @Test
    void aRunnerNotStartedStoppedOrMissingIsUnhealthy() {
        assertThat(new RunnerHealthCheck(runner, Clock.systemUTC()).check()).isEqualTo(Result.unhealthy(
                "The job runner has not started yet: it waits for the framework to finish starting"));
        runner.start(new TestJobConfig().node("node-a"));
        runner.stop();
        Result stopped = new RunnerHealthCheck(runner, Clock.systemUTC()).check();
        assertThat(stopped.healthy()).isFalse();
        assertThat(stopped.message()).matches("Job runner node-a#\\w+ is stopped");
        assertThat(new RunnerHealthCheck(null, Clock.systemUTC()).check().message())
                .startsWith("The job runner is not active on this node");
    }
}
