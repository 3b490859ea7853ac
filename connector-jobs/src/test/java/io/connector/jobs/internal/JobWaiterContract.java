package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobCounts;
import io.connector.api.job.JobFunction;
import io.connector.api.job.JobView;
import io.connector.api.job.RetryableJobException;
import io.connector.jobs.internal.runner.JobRunner;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job waiter against a real job table, on whichever database a subclass gives it. */
abstract class JobWaiterContract {

    private static final Duration NO_LIMIT = Duration.ZERO;

    StoreFixture fixture;
    JobFunctions functions;
    ConnectorJobQueue queue;
    JobRunner runner;
    JobAdmin admin;
    final List<JobCounts> reported = Collections.synchronizedList(new ArrayList<>());

    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(database());
        functions = new JobFunctions();
        admin = new QueueParts(fixture.store, functions, new TestJobConfig().runner(false)).admin;
        register("record", context -> "ran " + context.args().get("name"));
        register("broken", context -> {
            throw new IllegalStateException("remote said no to " + context.args().get("name"));
        });
    }

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.stop();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private void register(String name, JobFunction function) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(JobFunction.NAME, name);
        functions.add(function, properties);
    }

    /** The queue, and a runner working it unless {@code running} is false. */
    private void start(boolean running) {
        TestJobConfig config = new TestJobConfig().runner(running);
        QueueParts parts = new QueueParts(fixture.store, functions, config);
        queue = parts.queue;
        runner = parts.runner;
    }

    private JobWaiter.Summary await(String backendId, Instant createdSince, Duration timeout) throws InterruptedException {
        return new JobWaiter(admin, null, Duration.ofMillis(20), Duration.ofMillis(50)).await(backendId, createdSince, timeout,
                reported::add);
    }

    /**
     * A waiter polling every minute returns long before its next poll: the last jobs ended on
     * this node, which brings its count forward.
     */
    @Test
    void jobsEndingOnThisNodeEndTheWaitBeforeTheNextPoll() throws Exception {
        QueueParts parts = new QueueParts(fixture.store, functions, new TestJobConfig().runner(true));
        runner = parts.runner;
        Instant since = Instant.now();
        for (int i = 0; i < 3; i++) {
            parts.queue.job("record").arg("name", "r" + i).backend("b1").eta(Instant.now().plusSeconds(2)).delay();
        }
        long started = System.nanoTime();
        JobWaiter.Summary summary = new JobWaiter(parts.admin, parts.signal, Duration.ofMinutes(1), Duration.ofMinutes(5))
                .await("b1", since, Duration.ofMinutes(2), reported::add);
        assertThat(summary.done()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not a minute's poll").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void returnsOnceEveryJobIsDoneWithTheirCount() throws Exception {
        start(true);
        Instant since = Instant.now();
        for (int i = 0; i < 10; i++) {
            queue.job("record").arg("name", "r" + i).backend("b1").delay();
        }
        JobWaiter.Summary summary = await("b1", since, Duration.ofSeconds(30));
        assertThat(summary.timedOut()).isFalse();
        assertThat(summary.done()).isEqualTo(10);
        assertThat(summary.failed()).isZero();
        assertThat(summary.remaining()).isZero();
        assertThat(summary.failures()).isEmpty();
    }

    @Test
    void countsOnlyFinalFailuresAndListsThem() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        register("flaky", context -> {
            if (tries.incrementAndGet() < 3) {
                throw new RetryableJobException("busy", Duration.ofMillis(10), false);
            }
            return "fine at last";
        });
        start(true);
        Instant since = Instant.now();
        queue.job("flaky").delay();
        String broken = queue.job("broken").arg("name", "order 7").delay();
        queue.job("record").arg("name", "ok").delay();
        JobWaiter.Summary summary = await(null, since, Duration.ofSeconds(30));
        assertThat(tries).as("retried until done, counted done").hasValue(3);
        assertThat(summary.done()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.failures()).extracting(JobView::uuid, JobView::errorMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(broken, "remote said no to order 7"));
    }

    @Test
    void jobsWaitingForAFailedJobAreReportedBlockedAndDoNotHoldTheWait() throws Exception {
        start(true);
        Instant since = Instant.now();
        queue.job("broken").onDone(queue.job("record").arg("name", "child")
                .onDone(queue.job("record").arg("name", "grandchild"))).delay();
        queue.job("record").arg("name", "alone").delay();
        JobWaiter.Summary summary = await(null, since, Duration.ofSeconds(30));
        assertThat(summary.timedOut()).isFalse();
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.done()).isEqualTo(1);
        assertThat(summary.blocked()).as("child and grandchild").isEqualTo(2);
        assertThat(summary.remaining()).isZero();
        assertThat(summary.counts().progressLine()).isEqualTo("1 done, 1 failed, 2 blocked, 0 to go");
    }

    @Test
    void aTimeoutEndsTheWaitWithWhatIsStillToGoAndProgressOnTheWay() throws Exception {
        start(false);
        queue.job("record").backend("b1").delay();
        queue.chain(queue.job("record").backend("b1"), queue.job("record").backend("b1")).delay();
        List<Long> reportedAt = new ArrayList<>();
        long start = System.nanoTime();
        JobWaiter.Summary summary = new JobWaiter(admin, null, Duration.ofMillis(20), Duration.ofMillis(100)).await("b1", null,
                Duration.ofMillis(600), counts -> {
                    reportedAt.add(System.nanoTime());
                    reported.add(counts);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
        assertThat(summary.timedOut()).isTrue();
        assertThat(summary.remaining()).isEqualTo(3);
        assertThat(summary.counts().toGoLine()).isEqualTo("2 pending, 1 waiting");
        assertThat(reported).isNotEmpty();
        assertThat(reported.get(0).progressLine()).isEqualTo("0 done, 0 failed, 3 to go");
        long previous = start;
        for (long at : reportedAt) {
            assertThat(Duration.ofNanos(at - previous)).as("one report per interval at most, the first after one")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(100));
            previous = at;
        }
    }

    @Test
    void onlyTheJobsOfTheBackendAndCreatedSinceCount() throws Exception {
        start(false);
        queue.job("record").backend("other").delay();
        queue.job("record").backend("b1").delay();
        Thread.sleep(5);
        Instant since = Instant.now();
        assertThat(await("b1", since, Duration.ofSeconds(5)).timedOut()).isFalse();
        assertThat(await("nobody", null, Duration.ofSeconds(5)).timedOut()).isFalse();
        assertThat(await("b1", null, Duration.ofMillis(100)).remaining()).isEqualTo(1);
        assertThat(await(null, null, Duration.ofMillis(100)).remaining()).isEqualTo(2);
    }

    @Test
    void withoutACreationTimeOnlyJobsEndingDuringTheWaitAreCounted() throws Exception {
        start(true);
        String before = queue.job("record").delay();
        JobQueueContract.eventually("the first job done", () -> "done".equals(admin.get(before).state()));
        JobWaiter.Summary summary = await(null, null, NO_LIMIT);
        assertThat(summary.done()).isZero();
    }

    @Test
    void anInterruptEndsTheWait() {
        start(false);
        queue.job("record").delay();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> await(null, null, NO_LIMIT)).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
