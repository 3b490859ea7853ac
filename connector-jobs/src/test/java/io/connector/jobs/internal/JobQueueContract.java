package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobContext;
import io.connector.api.job.JobFunction;
import io.connector.api.job.JobView;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.monitoring.ActivityListener;
import io.connector.jobs.internal.jmx.JobMetrics;
import io.connector.jobs.internal.runner.JobRunner;
import io.connector.jobs.internal.sql.JobClaims;
import io.connector.jobs.internal.sql.NodeBackendRows;
import io.connector.jobs.internal.sql.JobOperations;
import io.connector.jobs.internal.sql.JobReads;
import io.connector.jobs.internal.sql.JobTransitions;
import io.connector.store.spi.Sql;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The job queue's semantics, on whichever database a subclass gives it. */
abstract class JobQueueContract {

    StoreFixture fixture;
    JobFunctions functions;
    ConnectorJobQueue queue;
    JobRunner runner;
    QueueParts parts;
    final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    abstract TestDatabase database();

    @BeforeEach
    void setUp() {
        fixture = new StoreFixture(database());
        functions = new JobFunctions();
        register("record", Map.of(), context -> {
            ran.add(context.args().get("name") + "");
            return "ran " + context.args().get("name");
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

    void register(String name, Map<String, Object> properties, JobFunction function) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put(JobFunction.NAME, name);
        functions.add(function, all);
    }

    void start(TestJobConfig config) {
        parts = new QueueParts(fixture.store, functions, config);
        queue = parts.queue;
        if (config.runner) {
            runner = parts.runner;
        }
    }

    <T> T inConnection(QueueParts.ConnectionWork<T> work) {
        return (parts != null ? parts : new QueueParts(fixture.store, functions, new TestJobConfig().runner(false)))
                .inConnection(work);
    }

    void queueOnly(TestJobConfig config) {
        start(config.runner(false));
    }

    Map<String, Object> job(String uuid) {
        return inConnection(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM \"connector_job\" JOIN \"connector_job_payload\" "
                    + "ON \"job_id\" = \"id\" WHERE \"uuid\" = ?")) {
                select.setString(1, uuid);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Map.<String, Object>of();
                    }
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        Object value = row.getObject(i);
                        values.put(row.getMetaData().getColumnLabel(i).toLowerCase(),
                                value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : value);
                    }
                    return values;
                }
            }
        });
    }

    String state(String uuid) {
        return (String) job(uuid).get("state");
    }

    /** The states of a job's history, as connector:job shows it. */
    List<String> history(String uuid) {
        return inConnection(c -> JobReads.view(c, uuid).orElseThrow().history().stream()
                .map(JobView.Event::state).toList());
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    void awaitState(String uuid, String state) throws InterruptedException {
        eventually(uuid + " " + state + " (is " + state(uuid) + ")", () -> state.equals(state(uuid)));
    }

    // ------------------------------------------------------------------------------------------

    @Test
    void aDelayedJobRunsToDoneWithItsArgumentsResultAndHistory() throws Exception {
        List<Object> seen = new ArrayList<>();
        register("echo", Map.of(JobFunction.DESCRIPTION, "Echoes"), context -> {
            seen.add(context.args());
            seen.add(MDC.get("job.uuid") + " " + MDC.get("backend.id") + " " + MDC.get("job.function") + " "
                    + MDC.get("job.channel"));
            return "echoed " + context.args().get("count");
        });
        start(new TestJobConfig());
        String uuid = queue.job("echo").args(Map.of("count", 3, "when", java.time.LocalDate.of(2026, 11, 22),
                "items", List.of("a", "b"))).backend("b1").delay();
        awaitState(uuid, "done");
        Map<String, Object> job = job(uuid);
        assertThat(job).containsEntry("result", "echoed 3").containsEntry("description", "Echoes")
                .containsEntry("channel", "root").containsEntry("priority", 10).containsEntry("max_retries", 5)
                .containsEntry("retry", 0).containsEntry("backend_id", "b1");
        assertThat(job.get("started_at")).isNotNull();
        assertThat(job.get("ended_at")).isNotNull();
        assertThat(seen.get(0)).isEqualTo(Map.of("count", 3, "when", "2026-11-22", "items", List.of("a", "b")));
        assertThat(seen.get(1)).isEqualTo(uuid + " b1 echo root");
        assertThat(history(uuid)).containsExactly("created", "claimed", "started", "done");
    }

    @Test
    void jobsRunByEtaThenPriorityThenCreation() throws Exception {
        queueOnly(new TestJobConfig());
        String late = queue.job("record").arg("name", "eta").after(Duration.ofMillis(300)).priority(1).delay();
        queue.job("record").arg("name", "p10-first").delay();
        queue.job("record").arg("name", "p5").priority(5).delay();
        queue.job("record").arg("name", "p10-second").delay();
        start(new TestJobConfig().threads(1));
        awaitState(late, "done");
        assertThat(ran).containsExactly("p5", "p10-first", "p10-second", "eta");
    }

    @Test
    void aJobDelayedInARolledBackTransactionDoesNotExist() {
        queueOnly(new TestJobConfig());
        String[] uuid = new String[1];
        assertThatThrownBy(() -> fixture.store.inTransaction(s -> {
            uuid[0] = queue.job("record").delay();
            throw new IllegalStateException("the caller fails");
        }));
        assertThat(job(uuid[0])).isEmpty();
    }

    @Test
    void aJobPostponedForLongerThanTheWaitersHorizonIsCountedApartAndTheWaitEnds() throws Exception {
        register("unpaid", Map.of(), context -> {
            throw new RetryableJobException("waits for its payment", Duration.ofMinutes(10), true);
        });
        register("soon", Map.of(), context -> {
            throw new RetryableJobException("busy", Duration.ofSeconds(30), true);
        });
        start(new TestJobConfig());
        java.time.Instant since = java.time.Instant.now().minusSeconds(1);
        String unpaid = queue.job("unpaid").backend("b1").delay();
        String soon = queue.job("soon").backend("b1").delay();
        queue.job("record").backend("b1").arg("name", "quick").delay();
        // Retried: pending again, with a second event in its history.
        eventually("both retried", () -> "pending".equals(state(unpaid)) && history(unpaid).size() > 1
                && "pending".equals(state(soon)) && history(soon).size() > 1 && ran.contains("quick"));
        io.connector.api.job.JobCounts counts = parts.admin.count("b1", since, since);
        assertThat(counts.pending()).isEqualTo(2);
        assertThat(counts.postponed()).isEqualTo(1);
        // The job due in 30 s is still waited for; the one due in 10 minutes is not.
        assertThat(counts.toGo()).isEqualTo(1);
        assertThat(counts.progressLine()).isEqualTo("1 done, 0 failed, 1 postponed, 1 to go");
        parts.admin.cancel(soon, "test");
        JobWaiter.Summary summary = new JobWaiter(parts.admin, Duration.ofSeconds(60)).await("b1", since, Duration.ofSeconds(20), c -> {
        });
        assertThat(summary.timedOut()).isFalse();
        assertThat(summary.counts().postponed()).isEqualTo(1);
        assertThat(WaitReport.lines(summary).get(0)).contains("postponed: 1 (to run later");

        // An operator brings it forward: it runs at once (and here waits again).
        int events = history(unpaid).size();
        assertThat(parts.admin.runPostponed("b2", "test")).isZero();
        assertThat(parts.admin.runPostponed("b1", "test")).isEqualTo(1);
        // Run again: its history has the operator's event and the new retry, and it waits again.
        eventually("run again and pending", () -> history(unpaid).size() >= events + 2 && "pending".equals(state(unpaid)));
        assertThat(history(unpaid).get(events)).isEqualTo("pending");
    }

    @Test
    void retryableErrorsComeBackAtTheirTimeAndFailAtMaxRetries() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        register("flaky", Map.of(), context -> {
            tries.incrementAndGet();
            throw new RetryableJobException("remote busy", Duration.ofMillis(10), false);
        });
        start(new TestJobConfig());
        String uuid = queue.job("flaky").maxRetries(3).delay();
        awaitState(uuid, "failed");
        assertThat(tries).hasValue(3);
        assertThat(job(uuid)).containsEntry("retry", 3).containsEntry("error_message", "Max. retries (3) reached: remote busy")
                .containsEntry("error_class", RetryableJobException.class.getName());
        assertThat(history(uuid)).containsExactly("created", "pending", "pending", "claimed", "failed");
    }

    @Test
    void aRetryPatternSetsTheNextTryAndAnIgnoredRetryIsNotCounted() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        register("patterned", Map.of(JobFunction.RETRY_PATTERN, "1:3600"), context -> {
            if (tries.incrementAndGet() == 1) {
                throw new RetryableJobException("locked elsewhere", Duration.ZERO, true);
            }
            throw new RetryableJobException("later");
        });
        start(new TestJobConfig());
        String uuid = queue.job("patterned").delay();
        eventually("second try", () -> tries.get() == 2 && "pending".equals(state(uuid)));
        Map<String, Object> job = job(uuid);
        assertThat(job).containsEntry("retry", 1).containsEntry("error_message", "later");
        java.time.LocalDateTime eta = (java.time.LocalDateTime) job.get("eta");
        assertThat(Duration.between(Sql.now(), eta).toMinutes()).as("1:3600 -> an hour").isBetween(58L, 60L);
    }

    @Test
    void activityListenersHearHowEachRunEndedOnceItCommittedWithItsFunctionChannelAndDuration() throws Exception {
        AtomicInteger flakyTries = new AtomicInteger();
        register("flaky", Map.of(), context -> {
            if (flakyTries.incrementAndGet() == 1) {
                throw new RetryableJobException("remote busy", Duration.ofMillis(10), false);
            }
            Thread.sleep(60);
            return "ok at last";
        });
        register("broken", Map.of(), context -> {
            throw new IllegalArgumentException("bad data in record 42");
        });
        register("idle", Map.of(), context -> {
            throw new NothingToDoException("already up to date");
        });
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        Map<String, Duration> took = new ConcurrentHashMap<>();
        start(new TestJobConfig().channels("root:4,magento:2"));
        runner.addActivityListener(new ActivityListener() {
            @Override
            public void jobEnded(String function, String channel, Outcome outcome, Duration duration) {
                throw new IllegalStateException("a broken listener");
            }
        });
        runner.addActivityListener(new ActivityListener() {
            @Override
            public void jobEnded(String function, String channel, Outcome outcome, Duration duration) {
                heard.add(function + " " + channel + " " + outcome + (MDC.get("job.uuid") == null && MDC.get("job.function") == null
                        && MDC.get("job.channel") == null ? "" : " with the job's MDC left behind"));
                took.put(function + " " + outcome, duration);
            }
        });
        String flaky = queue.job("flaky").channel("magento").delay();
        String broken = queue.job("broken").backend("b1").delay();
        String idle = queue.job("idle").delay();
        awaitState(flaky, "done");
        awaitState(broken, "failed");
        awaitState(idle, "done");
        eventually("all four runs heard, after their commits", () -> heard.size() >= 4);
        assertThat(heard).containsExactlyInAnyOrder("flaky root.magento RETRIED", "flaky root.magento DONE",
                "broken root FAILED", "idle root DONE");
        assertThat(took.get("flaky DONE")).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(took.values()).allSatisfy(duration -> assertThat(duration).isGreaterThanOrEqualTo(Duration.ZERO));
    }

    @Test
    void aJobFailingAtItsLastTryIsHeardFailed() throws Exception {
        register("flaky", Map.of(), context -> {
            throw new RetryableJobException("remote busy", Duration.ofMillis(10), false);
        });
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        start(new TestJobConfig());
        runner.addActivityListener(new ActivityListener() {
            @Override
            public void jobEnded(String function, String channel, Outcome outcome, Duration duration) {
                heard.add(outcome.name());
            }
        });
        String uuid = queue.job("flaky").maxRetries(2).delay();
        awaitState(uuid, "failed");
        eventually("both runs heard", () -> heard.size() >= 2);
        assertThat(heard).containsExactly("RETRIED", "FAILED");
    }

    @Test
    void nothingToDoEndsDoneAndOtherErrorsFailWithTheirTrace() throws Exception {
        register("idle", Map.of(), context -> {
            throw new NothingToDoException("already up to date");
        });
        register("broken", Map.of(), context -> {
            throw new IllegalArgumentException("bad data in record 42");
        });
        start(new TestJobConfig());
        String idle = queue.job("idle").delay();
        String broken = queue.job("broken").arg("name", "keep me").delay();
        awaitState(idle, "done");
        awaitState(broken, "failed");
        assertThat(job(idle)).containsEntry("result", "already up to date");
        assertThat(job(broken)).containsEntry("error_class", IllegalArgumentException.class.getName())
                .containsEntry("error_message", "bad data in record 42")
                .containsEntry("args", "{\"name\":\"keep me\"}");
        assertThat((String) job(broken).get("error_trace")).contains("at io.connector.jobs.internal.JobQueueContract");
    }

    @Test
    void jobsAreListedByFunctionAndCountedPerMinuteOfTheirEnd() throws Exception {
        register("idle", Map.of(), context -> "idle");
        register("broken", Map.of(), context -> {
            throw new IllegalArgumentException("bad data");
        });
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        start(new TestJobConfig());
        String idle = queue.job("idle").delay();
        String broken = queue.job("broken").delay();
        String second = queue.job("idle").delay();
        awaitState(idle, "done");
        awaitState(second, "done");
        awaitState(broken, "failed");
        assertThat(parts.admin.list(null, null, null, "idle", 10)).extracting(JobView::uuid).containsExactly(second, idle);
        assertThat(parts.admin.list("failed", null, null, "idle", 10)).isEmpty();
        assertThat(parts.admin.list(null, null, null, "broken", 10)).extracting(JobView::uuid).containsExactly(broken);

        List<io.connector.api.job.JobAdmin.Minute> minutes = parts.admin.endedPerMinute(before.minusSeconds(60));
        assertThat(minutes).isNotEmpty();
        assertThat(minutes.stream().mapToLong(io.connector.api.job.JobAdmin.Minute::done).sum()).isEqualTo(2);
        assertThat(minutes.stream().mapToLong(io.connector.api.job.JobAdmin.Minute::failed).sum()).isEqualTo(1);
        assertThat(minutes).allSatisfy(m -> assertThat(m.minute().getSecond()).isZero());
        assertThat(parts.admin.endedPerMinute(java.time.Instant.now().plusSeconds(120))).isEmpty();
    }

    @Test
    void anIdentityKeyKeepsOneActiveJobEvenUnderConcurrency() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").identityKey("import partner 136").delay();
        assertThat(queue.job("record").identityKey("import partner 136").delay()).isEqualTo(first);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "race " + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return fixture.store.inTransaction(s -> {
                            String uuid = queue.job("record").identityKey(key).delay();
                            Thread.sleep(20); // both transactions open at once
                            return uuid;
                        });
                    }));
                }
                go.countDown();
                assertThat(results.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(results.get(1).get(30, TimeUnit.SECONDS));
                long rows = inConnection(c -> {
                    try (PreparedStatement count = c.prepareStatement(
                            "SELECT COUNT(*) FROM \"connector_job_payload\" WHERE \"identity_key\" = ?")) {
                        count.setString(1, key);
                        try (ResultSet row = count.executeQuery()) {
                            row.next();
                            return row.getLong(1);
                        }
                    }
                });
                assertThat(rows).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdentityKeyIsFreeAgainOnceItsJobEnded() throws Exception {
        start(new TestJobConfig());
        String first = queue.job("record").identityKey("k").delay();
        awaitState(first, "done");
        assertThat(queue.job("record").identityKey("k").delay()).isNotEqualTo(first);
    }

    /** Claims every pending job as a worker of another node would, with a long lease. */
    List<JobRow> claimAs(String worker) {
        return inConnection(c -> JobClaims.claim(c, ChannelTree.parse("root:4"), worker, Sql.now().plusMinutes(5), 10));
    }

    long payloadRowsWithKey(String key) {
        return inConnection(c -> {
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM \"connector_job_payload\" WHERE \"identity_key\" = ?")) {
                count.setString(1, key);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void aPendingIdentityKeyKeepsOneJobWhileItWaitsOrIsPending() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").arg("name", "a").pendingIdentityKey("export product 7").delay();
        assertThat(queue.job("record").arg("name", "b").pendingIdentityKey("export product 7").delay()).isEqualTo(first);
        assertThat(payloadRowsWithKey("export product 7")).isEqualTo(1);
        assertThat(job(first)).containsEntry("state", "pending").containsEntry("active_key", "export product 7")
                .containsEntry("key_until_claim", true);
        assertThat(parts.admin.detail(first).keyUntilClaim()).as("what connector:job shows").isTrue();
        assertThat(parts.admin.detail(first).view().identityKey()).isEqualTo("export product 7");

        // Waiting for a parent holds the key too.
        List<String> chained = queue.job("record").onDone(queue.job("record").pendingIdentityKey("export product 8")).delay();
        assertThat(state(chained.get(1))).isEqualTo("waiting");
        assertThat(queue.job("record").pendingIdentityKey("export product 8").delay()).isEqualTo(chained.get(1));
        assertThat(payloadRowsWithKey("export product 8")).isEqualTo(1);
    }

    @Test
    void identityKeyAndPendingIdentityKeyReplaceEachOther() {
        queueOnly(new TestJobConfig());
        String pending = queue.job("record").identityKey("x").pendingIdentityKey("y").delay();
        assertThat(job(pending)).containsEntry("identity_key", "y").containsEntry("key_until_claim", true);
        String ordinary = queue.job("record").pendingIdentityKey("z").identityKey("z").delay();
        assertThat(job(ordinary)).containsEntry("identity_key", "z").containsEntry("key_until_claim", false);
        assertThat(parts.admin.detail(ordinary).keyUntilClaim()).isFalse();
        String none = queue.job("record").delay();
        assertThat(job(none)).containsEntry("active_key", null).containsEntry("key_until_claim", false);
    }

    @Test
    void theClaimGivesUpAPendingIdentityKeyAndTheFirstJobStillEndsDone() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").pendingIdentityKey("export order 9").delay();
        List<JobRow> claimed = claimAs("other-node#1");
        assertThat(claimed).extracting(JobRow::uuid).containsExactly(first);
        assertThat(job(first)).containsEntry("state", "claimed").containsEntry("active_key", null);

        // A write made while the export runs, after it read the values: a new export.
        String second = queue.job("record").pendingIdentityKey("export order 9").delay();
        assertThat(second).isNotEqualTo(first);
        assertThat(job(second)).containsEntry("state", "pending").containsEntry("active_key", "export order 9");
        assertThat(queue.job("record").pendingIdentityKey("export order 9").delay()).as("the second holds it now")
                .isEqualTo(second);

        assertThat(this.<Boolean>inConnection(c -> JobTransitions.done(c, claimed.get(0), Sql.now(), "exported"))).isTrue();
        assertThat(job(first)).containsEntry("state", "done").containsEntry("result", "exported");
        assertThat(job(second)).containsEntry("state", "pending").containsEntry("active_key", "export order 9");
    }

    @Test
    void aWriteWhileAnExportRunsMakesTheNextExportAndBothEndDone() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        register("export", Map.of(), context -> {
            ran.add(context.uuid());
            running.countDown();
            if (!release.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
            return "exported";
        });
        // One job at a time: the next export stays pending behind the running one.
        start(new TestJobConfig().channels("root:1"));
        String first = queue.job("export").pendingIdentityKey("export product 7").delay();
        assertThat(running.await(20, TimeUnit.SECONDS)).as("the first export runs").isTrue();
        awaitState(first, "started");
        assertThat(job(first)).containsEntry("active_key", null);
        String second = queue.job("export").pendingIdentityKey("export product 7").delay();
        assertThat(second).isNotEqualTo(first);
        assertThat(state(second)).isEqualTo("pending");
        assertThat(queue.job("export").pendingIdentityKey("export product 7").delay()).isEqualTo(second);
        release.countDown();
        awaitState(first, "done");
        awaitState(second, "done");
        assertThat(ran).containsExactly(first, second);
        assertThat(job(first)).containsEntry("result", "exported");
        assertThat(history(first)).containsExactly("created", "claimed", "started", "done");
    }

    @Test
    void anOrdinaryIdentityKeyHoldsWhileItsJobIsClaimedAndStarted() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").identityKey("import order 9").delay();
        List<JobRow> claimed = claimAs("other-node#1");
        assertThat(job(first)).containsEntry("state", "claimed").containsEntry("active_key", "import order 9");
        assertThat(queue.job("record").identityKey("import order 9").delay()).isEqualTo(first);

        long id = claimed.get(0).id();
        inConnection(c -> {
            JobTransitions.heartbeat(c, "other-node#1", List.of(id), Map.of(id, Sql.now()), Sql.now().plusMinutes(5));
            return null;
        });
        assertThat(job(first)).containsEntry("state", "started").containsEntry("active_key", "import order 9");
        assertThat(queue.job("record").identityKey("import order 9").delay()).isEqualTo(first);
        assertThat(payloadRowsWithKey("import order 9")).isEqualTo(1);

        assertThat(this.<Boolean>inConnection(c -> JobTransitions.done(c, claimed.get(0), Sql.now(), null))).isTrue();
        assertThat(queue.job("record").identityKey("import order 9").delay()).isNotEqualTo(first);
    }

    @Test
    void aFailedJobWithAPendingIdentityKeyIsRequeuedWithoutItWhileAnotherJobHoldsIt() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").pendingIdentityKey("export order 11").delay();
        List<JobRow> claimed = claimAs("other-node#1");
        assertThat(this.<Boolean>inConnection(c -> JobTransitions.failed(c, claimed.get(0), new IllegalStateException("down"),
                "down", 1))).isTrue();
        String second = queue.job("record").pendingIdentityKey("export order 11").delay();
        assertThat(second).isNotEqualTo(first);

        assertThat(this.<Boolean>inConnection(c -> JobOperations.requeue(c, first, "ops"))).isTrue();
        assertThat(job(first)).containsEntry("state", "pending").containsEntry("retry", 0).containsEntry("active_key", null);
        assertThat(job(second)).containsEntry("state", "pending").containsEntry("active_key", "export order 11");
        assertThat(parts.admin.get(first).history()).extracting(JobView.Event::note)
                .contains("requeued by ops without its identity key: another active job holds it");
        assertThat(queue.job("record").pendingIdentityKey("export order 11").delay()).isEqualTo(second);
        // Both run: the first is claimed again, and ends done.
        List<JobRow> again = claimAs("other-node#2");
        assertThat(again).extracting(JobRow::uuid).containsExactlyInAnyOrder(first, second);
        for (JobRow row : again) {
            assertThat(this.<Boolean>inConnection(c -> JobTransitions.done(c, row, Sql.now(), null))).isTrue();
        }
        assertThat(state(first)).isEqualTo("done");
    }

    @Test
    void aFailedJobWithAPendingIdentityKeyGetsItBackWhenItIsFree() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").pendingIdentityKey("export order 12").delay();
        List<JobRow> claimed = claimAs("other-node#1");
        assertThat(this.<Boolean>inConnection(c -> JobTransitions.failed(c, claimed.get(0), null, "down", 1))).isTrue();
        assertThat(this.<Boolean>inConnection(c -> JobOperations.requeue(c, first, "ops"))).isTrue();
        assertThat(job(first)).containsEntry("state", "pending").containsEntry("active_key", "export order 12");
        assertThat(parts.admin.get(first).history()).extracting(JobView.Event::note).contains("requeued by ops");
        assertThat(queue.job("record").pendingIdentityKey("export order 12").delay()).isEqualTo(first);
    }

    @Test
    void aFailedJobWithAnOrdinaryIdentityKeyIsNotRequeuedWhileAnotherJobHoldsIt() throws Exception {
        queueOnly(new TestJobConfig());
        String first = queue.job("record").identityKey("import order 13").delay();
        List<JobRow> claimed = claimAs("other-node#1");
        assertThat(this.<Boolean>inConnection(c -> JobTransitions.failed(c, claimed.get(0), null, "down", 1))).isTrue();
        String second = queue.job("record").identityKey("import order 13").delay();
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> inConnection(c -> JobOperations.requeue(c, first, "ops")))
                .hasStackTraceContaining("Job " + first + " cannot be requeued: another job with its identity key is active");
        assertThat(job(first)).containsEntry("state", "failed").containsEntry("active_key", null);
        assertThat(job(second)).containsEntry("active_key", "import order 13");
    }

    @Test
    void chainsAndGroupsWaitForTheirParents() throws Exception {
        queueOnly(new TestJobConfig());
        List<String> uuids = queue.chain(queue.job("record").arg("name", "a"),
                queue.group(queue.job("record").arg("name", "b1"), queue.job("record").arg("name", "b2")),
                queue.job("record").arg("name", "c")).delay();
        assertThat(uuids).hasSize(4);
        assertThat(state(uuids.get(0))).isEqualTo("pending");
        assertThat(state(uuids.get(1))).isEqualTo("waiting");
        assertThat(state(uuids.get(3))).isEqualTo("waiting");
        start(new TestJobConfig());
        awaitState(uuids.get(3), "done");
        assertThat(ran.get(0)).isEqualTo("a");
        assertThat(ran.subList(1, 3)).containsExactlyInAnyOrder("b1", "b2");
        assertThat(ran.get(3)).isEqualTo("c");
        assertThat(history(uuids.get(3))).containsExactly("created", "pending", "claimed", "started", "done");
    }

    @Test
    void aFailedParentLeavesItsChildrenWaitingAndCancellingCascades() throws Exception {
        register("broken", Map.of(), context -> {
            throw new IllegalStateException("no");
        });
        start(new TestJobConfig());
        List<String> uuids = queue.job("broken").onDone(queue.job("record").arg("name", "child")
                .onDone(queue.job("record").arg("name", "grandchild"))).delay();
        awaitState(uuids.get(0), "failed");
        Thread.sleep(200);
        assertThat(state(uuids.get(1))).isEqualTo("waiting");
        List<String> cancelled = inConnection(c -> JobOperations.cancel(c, uuids.get(0), "test"));
        assertThat(cancelled).containsExactlyElementsOf(uuids);
        assertThat(uuids).allSatisfy(uuid -> assertThat(state(uuid)).isEqualTo("cancelled"));
        assertThat(ran).isEmpty();
    }

    @Test
    void settingAFailedJobDoneByHandRecordsWhoAndReleasesItsChildren() throws Exception {
        register("broken", Map.of(), context -> {
            throw new IllegalStateException("no");
        });
        start(new TestJobConfig());
        List<String> uuids = queue.job("broken").onDone(queue.job("record").arg("name", "after")).delay();
        awaitState(uuids.get(0), "failed");
        assertThat(this.<Boolean>inConnection(c -> JobOperations.markDone(c, uuids.get(0), "alice"))).isTrue();
        assertThat(job(uuids.get(0))).containsEntry("done_by", "alice");
        runner.wakeUp();
        awaitState(uuids.get(1), "done");
        assertThat(ran).containsExactly("after");
    }

    @Test
    void requeueingAFailedJobRunsItAgainFromZeroRetries() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        register("second-time-lucky", Map.of(), context -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("first time");
            }
            return "fine";
        });
        start(new TestJobConfig());
        String uuid = queue.job("second-time-lucky").delay();
        awaitState(uuid, "failed");
        assertThat(this.<Boolean>inConnection(c -> JobOperations.requeue(c, uuid, "bob"))).isTrue();
        runner.wakeUp();
        awaitState(uuid, "done");
        assertThat(job(uuid)).containsEntry("retry", 0).containsEntry("result", "fine");
    }

    @Test
    void aJobDelayedAsFailedKeepsItsErrorRunsOnlyWhenRetriedAndLeavesAnActiveKeysJobAlone() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        register("import-one", Map.of(), context -> "imported " + context.args().get("id") + " after " + runs.incrementAndGet());
        start(new TestJobConfig());
        String failed = queue.job("import-one").arg("id", "175").identityKey("import-one 175")
                .description("Import 175 alone").delayFailed(new IllegalArgumentException("product type 'bundle' cannot be represented"));
        assertThat(job(failed)).containsEntry("state", "failed").containsEntry("retry", 1)
                .containsEntry("error_class", IllegalArgumentException.class.getName())
                .containsEntry("error_message", "product type 'bundle' cannot be represented")
                .containsEntry("args", "{\"id\":\"175\"}").containsEntry("description", "Import 175 alone");
        assertThat((String) job(failed).get("error_trace")).contains("at io.connector.jobs.internal.JobQueueContract");
        runner.wakeUp();
        Thread.sleep(300);
        assertThat(runs).as("not run").hasValue(0);

        // It holds no identity key; a job active with the key is left as it is.
        assertThat(job(failed)).containsEntry("active_key", null);
        String pending = queue.job("import-one").arg("id", "176").identityKey("import-one 176").after(Duration.ofHours(1)).delay();
        assertThat(queue.job("import-one").arg("id", "176").identityKey("import-one 176")
                .delayFailed(new IllegalStateException("bad"))).as("the active job's uuid").isEqualTo(pending);
        assertThat(job(pending)).containsEntry("state", "pending");

        assertThat(this.<Boolean>inConnection(c -> JobOperations.requeue(c, failed, "bob"))).isTrue();
        runner.wakeUp();
        awaitState(failed, "done");
        assertThat(job(failed)).containsEntry("result", "imported 175 after 1");
    }

    @Test
    void channelCapacitiesHoldWhileJobsRun() throws Exception {
        AtomicInteger inA = new AtomicInteger();
        AtomicInteger maxA = new AtomicInteger();
        AtomicInteger all = new AtomicInteger();
        AtomicInteger maxAll = new AtomicInteger();
        register("slow", Map.of(), context -> {
            boolean a = "A".equals(context.args().get("channel"));
            int now = all.incrementAndGet();
            maxAll.accumulateAndGet(now, Math::max);
            if (a) {
                maxA.accumulateAndGet(inA.incrementAndGet(), Math::max);
            }
            Thread.sleep(50);
            if (a) {
                inA.decrementAndGet();
            }
            all.decrementAndGet();
            return null;
        });
        queueOnly(new TestJobConfig().channels("root:3,A:2,B:1"));
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String channel = i % 3 == 0 ? "B" : "A";
            uuids.add(queue.job("slow").channel(channel).arg("channel", channel).delay());
        }
        start(new TestJobConfig().channels("root:3,A:2,B:1").threads(6));
        for (String uuid : uuids) {
            awaitState(uuid, "done");
        }
        assertThat(maxA.get()).as("A:2").isLessThanOrEqualTo(2);
        assertThat(maxAll.get()).as("root:3").isEqualTo(3);
    }

    @Test
    void anUnknownChannelRunsInRoot() {
        queueOnly(new TestJobConfig().channels("root:2,magento:1"));
        assertThat(job(queue.job("record").channel("nowhere").delay())).containsEntry("channel", "root");
        assertThat(job(queue.job("record").channel("magento").delay())).containsEntry("channel", "root.magento");
    }

    @Test
    void aSequentialChannelStopsOnAFailedJobUntilItIsRequeued() throws Exception {
        AtomicInteger fail = new AtomicInteger(1);
        register("orders", Map.of(), context -> {
            if ("first".equals(context.args().get("name")) && fail.getAndDecrement() > 0) {
                throw new IllegalStateException("order rejected");
            }
            ran.add((String) context.args().get("name"));
            return null;
        });
        start(new TestJobConfig().channels("root:4,sale:1:sequential"));
        String first = queue.job("orders").channel("sale").arg("name", "first").delay();
        String second = queue.job("orders").channel("sale").arg("name", "second").delay();
        awaitState(first, "failed");
        Thread.sleep(300);
        assertThat(state(second)).as("blocked behind the failed one").isEqualTo("pending");
        inConnection(c -> JobOperations.requeue(c, first, "ops"));
        runner.wakeUp();
        awaitState(second, "done");
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aJobWhoseWorkerDiedGoesBackToPendingWithItsRetryCounted() throws Exception {
        queueOnly(new TestJobConfig());
        String uuid = queue.job("record").arg("name", "orphan").delay();
        // A worker on another node claims it with a short lease, then dies.
        inConnection(c -> JobClaims.claim(c, ChannelTree.parse("root:4"), "dead-node#1",
                Sql.now().minusSeconds(1), 10));
        assertThat(state(uuid)).isEqualTo("claimed");
        start(new TestJobConfig());
        awaitState(uuid, "done");
        assertThat(job(uuid)).containsEntry("retry", 1);
        assertThat(history(uuid)).containsExactly("created", "pending", "claimed", "started", "done");
        assertThat(ran).containsExactly("orphan");
    }

    @Test
    void aNodeLeavesTheJobsOfABackendOnlyOtherNodesHaveToThem() throws Exception {
        Set<String> backendsOfA = ConcurrentHashMap.newKeySet();
        backendsOfA.add("shop-x");
        QueueParts nodeA = new QueueParts(fixture.store, functions, new TestJobConfig().node("node-a"), () -> Set.copyOf(backendsOfA));
        QueueParts nodeB = new QueueParts(fixture.store, functions, new TestJobConfig().node("node-b"), Set::of);
        try {
            List<String> ofX = new ArrayList<>();
            List<String> anyNode = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ofX.add(nodeB.queue.job("record").backend("shop-x").arg("name", "x" + i).delay());
                anyNode.add(nodeB.queue.job("record").arg("name", "plain" + i).delay());
                anyNode.add(nodeB.queue.job("record").backend("shop-nowhere").arg("name", "nowhere" + i).delay());
            }
            for (String uuid : ofX) {
                awaitState(uuid, "done");
            }
            for (String uuid : anyNode) {
                awaitState(uuid, "done");
            }
            assertThat(ofX).as("shop-x's jobs, which only node-a has").allSatisfy(uuid ->
                    assertThat((String) job(uuid).get("worker")).startsWith("node-a#"));
            assertThat(anyNode).as("jobs of no backend, or of one no node has, run on either")
                    .anySatisfy(uuid -> assertThat((String) job(uuid).get("worker")).startsWith("node-b#"));

            // node-a's shop-x is removed: once node-a says so (a heartbeat or two), node-b runs its jobs too.
            backendsOfA.clear();
            eventually("node-a gave shop-x up", () -> inConnection(c -> NodeBackendRows.ofNode(c, "node-a")).isEmpty());
            nodeA.runner.stop();
            String later = nodeB.queue.job("record").backend("shop-x").arg("name", "later").delay();
            awaitState(later, "done");
            assertThat((String) job(later).get("worker")).startsWith("node-b#");
        } finally {
            nodeA.runner.stop();
            nodeB.runner.stop();
        }
    }

    @Test
    void aNodeThatJustStartedKeepsItsBackendsUntilItsRecordsAreThere() throws Exception {
        inConnection(c -> {
            NodeBackendRows.publish(c, "node-a", List.of("shop-x"));
            return null;
        });
        AtomicInteger looks = new AtomicInteger();
        // Its backend records come up after its runner's first look, as Config Admin delivers them.
        QueueParts nodeA = new QueueParts(fixture.store, functions, new TestJobConfig().node("node-a"),
                () -> looks.incrementAndGet() == 1 ? Set.of() : Set.of("shop-x"));
        try {
            Set<String> atFirst = inConnection(c -> NodeBackendRows.ofNode(c, "node-a"));
            assertThat(atFirst).as("not given up at the first look").containsExactly("shop-x");
            eventually("looked again", () -> looks.get() >= 3);
            Set<String> after = inConnection(c -> NodeBackendRows.ofNode(c, "node-a"));
            assertThat(after).containsExactly("shop-x");
        } finally {
            nodeA.runner.stop();
        }
    }

    @Test
    void aRestartedNodeTakesBackItsJobsAtOnce() throws Exception {
        queueOnly(new TestJobConfig());
        String uuid = queue.job("record").arg("name", "held").delay();
        inConnection(c -> JobClaims.claim(c, ChannelTree.parse("root:4"), "test-node#previous",
                Sql.now().plusHours(1), 10));
        start(new TestJobConfig().node("test-node"));
        awaitState(uuid, "done");
        assertThat(job(uuid)).containsEntry("retry", 1);
    }

    @Test
    void aJobOverItsTimeoutIsInterruptedAndRetried() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        register("sleepy", Map.of(JobFunction.TIMEOUT, "1"), context -> {
            if (tries.incrementAndGet() == 1) {
                Thread.sleep(30_000);
            }
            return "woke";
        });
        start(new TestJobConfig());
        String uuid = queue.job("sleepy").delay();
        eventually("retried after the timeout", () -> tries.get() >= 1 && "pending".equals(state(uuid)));
        assertThat(job(uuid)).containsEntry("retry", 1).containsEntry("error_message", "Timed out after 1 s");
    }

    @Test
    void whatAJobWritesCommitsWithItsEnd() throws Exception {
        register("writer", Map.of(), context -> {
            context.session().create("res.partner", Map.of("name", "written by " + context.uuid()));
            if (Boolean.TRUE.equals(context.args().get("fail"))) {
                throw new IllegalStateException("after writing");
            }
            return null;
        });
        start(new TestJobConfig());
        String ok = queue.job("writer").delay();
        String failing = queue.job("writer").arg("fail", true).delay();
        awaitState(ok, "done");
        awaitState(failing, "failed");
        assertThat(fixture.store.<Long>inTransaction(s -> s.query("res.partner").where("name", "=", "written by " + ok).count()))
                .isEqualTo(1L);
        assertThat(fixture.store.<Long>inTransaction(s -> s.query("res.partner").where("name", "=", "written by " + failing)
                .count())).isZero();
    }

    @Test
    void runNowRunsInTheCallersThreadWithoutAQueueRow() throws Exception {
        queueOnly(new TestJobConfig());
        assertThat(queue.job("record").arg("name", "now").runNow()).isEqualTo("ran now");
        assertThat(ran).containsExactly("now");
        assertThatThrownBy(() -> queue.job("missing").runNow())
                .hasMessageStartingWith("No job function 'missing' is registered. Registered: [record]");
    }

    @Test
    void aJobOfAFunctionNotRegisteredWaitsForItsBundle() throws Exception {
        start(new TestJobConfig());
        String uuid = queue.job("later").delay();
        eventually("retried", () -> "pending".equals(state(uuid)) && job(uuid).get("error_message") != null);
        assertThat((String) job(uuid).get("error_message")).startsWith("No job function 'later' is registered");
    }

    @Test
    void aJobWaitingForItsFunctionRunsAsSoonAsItIsRegisteredWithoutATryCounted() throws Exception {
        start(new TestJobConfig());
        String uuid = queue.job("deployed_later").delay();
        eventually("waiting for its function", () -> "pending".equals(state(uuid)) && job(uuid).get("error_message") != null);
        long registered = System.nanoTime();
        register("deployed_later", Map.of(), context -> "ran at last");
        awaitState(uuid, "done");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - registered)).as("not at its next try, a minute on")
                .isLessThan(30);
        assertThat(job(uuid)).containsEntry("retry", 0).containsEntry("result", "ran at last");
    }

    @Test
    void operatorsListInspectRetryCancelAndSetDoneAndJmxCounts() throws Exception {
        register("broken", Map.of(), context -> {
            throw new IllegalStateException("remote said no");
        });
        start(new TestJobConfig().channels("root:4,magento:2"));
        JobAdmin admin = parts.admin;
        String failed = queue.job("broken").channel("magento").backend("b1").arg("id", 7).delay();
        awaitState(failed, "failed");
        List<JobView> listed = admin.list("failed", "magento", "b1", 10);
        assertThat(listed).extracting(JobView::uuid).containsExactly(failed);
        JobView view = admin.get(failed);
        assertThat(view.args()).isEqualTo("{\"id\":7}");
        assertThat(view.errorMessage()).isEqualTo("remote said no");
        assertThat(view.errorTrace()).contains("IllegalStateException: remote said no");
        assertThat(view.history()).extracting(JobView.Event::state).containsExactly("created", "claimed", "failed");
        assertThatThrownBy(() -> admin.list("finished", null, null, 10)).hasMessageStartingWith("Unknown job state 'finished'");
        assertThatThrownBy(() -> admin.get("nope")).hasMessage("No job with uuid nope");

        JobMetrics metrics = new JobMetrics(admin, runner);
        var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("io.connector:type=JobQueue,test=" + getClass().getSimpleName());
        server.registerMBean(metrics, name);
        try {
            var byState = (javax.management.openmbean.TabularData) server.getAttribute(name, "JobsByState");
            assertThat(byState.get(new Object[] {"failed"}).get("value")).isEqualTo(1L);
        } finally {
            server.unregisterMBean(name);
        }

        admin.retry(failed, "carol");
        assertThat(admin.get(failed).history()).extracting(JobView.Event::note).contains("requeued by carol");
        awaitState(failed, "failed");
        String later = queue.job("record").after(Duration.ofHours(1)).delay();
        assertThat(admin.cancel(later, "dan")).containsExactly(later);
        assertThatThrownBy(() -> admin.cancel(later, "dan")).hasMessageContaining("is cancelled: only waiting, pending or failed");
        admin.markDone(failed, "erin");
        assertThat(admin.get(failed).doneBy()).isEqualTo("erin");
        assertThatThrownBy(() -> admin.markDone(failed, "erin")).hasMessageContaining("is done: it runs or ended already");
        assertThat(admin.retryFailed("frank")).isZero();
        assertThat(admin.counts()).containsKey("root.magento");
    }
}
