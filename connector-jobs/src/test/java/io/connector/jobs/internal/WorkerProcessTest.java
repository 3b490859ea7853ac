package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker nodes as real processes: killed with SIGKILL while jobs run, and two of them sharing one
 * PostgreSQL. The side effects are counted: every job must have written exactly one.
 */
class WorkerProcessTest {

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process worker(String url, String node, int threads, long jobMillis, boolean exitWhenIdle) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(), url, node,
                Integer.toString(threads), Long.toString(jobMillis)));
        if (exitWhenIdle) {
            command.add("--exit-when-idle");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(node + "-" + processes.size() + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    /** Delays {@code count} counted jobs with a store of this process, then lets go of the database. */
    private static void delay(String url, int count) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcRecordStore store = new JdbcRecordStore(pool, WorkerMain.models(), new RecordListeners());
            ConnectorJobQueue queue = new QueueParts(store, new JobFunctions(), new TestJobConfig().runner(false)).queue;
            for (int done = 0; done < count; done += 1000) {
                int batch = Math.min(1000, count - done);
                store.inTransaction(s -> {
                    for (int i = 0; i < batch; i++) {
                        queue.job("count").delay();
                    }
                    return null;
                });
            }
        }
    }

    private static long[] effects(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT \"job\") FROM \"test_effect\"")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    private static long jobs(String url, String state) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" = '" + state + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void killWhileJobsRun(String url, String node) throws Exception {
        Process first = worker(url, node, 4, 300, false);
        // Kill it once it has committed some jobs and has others running.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            String log = Files.exists(dir.resolve(node + "-0.log")) ? Files.readString(dir.resolve(node + "-0.log")) : "";
            if (log.contains("started")) {
                Thread.sleep(1500);
                break;
            }
        }
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no rollback sent
        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void aKilledNodeRestartsAndEveryJobRunsToDoneExactlyOnceOnH2() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0";
        delay(url, 60);
        killWhileJobsRun(url, "node-a");
        Process second = worker(url, "node-a", 4, 0, true);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the restarted node finishes").isTrue();
        assertThat(jobs(url, "done")).isEqualTo(60);
        assertThat(effects(url)).as("one side effect per job").containsExactly(60, 60);
    }

    @Test
    void aKilledNodeRestartsAndEveryJobRunsToDoneExactlyOnceOnPostgres() throws Exception {
        String url = postgresSchema();
        delay(url, 60);
        killWhileJobsRun(url, "node-b");
        assertThat(jobs(url, "done")).as("some were done before the kill").isGreaterThan(0).isLessThan(60);
        Process second = worker(url, "node-b", 4, 0, true);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs(url, "done")).isEqualTo(60);
        assertThat(effects(url)).containsExactly(60, 60);
    }

    @Test
    void twoNodesOnOnePostgresRunTenThousandJobsEachExactlyOnce() throws Exception {
        String url = postgresSchema();
        delay(url, 10_000);
        Process one = worker(url, "node-1", 4, 0, true);
        Process two = worker(url, "node-2", 4, 0, true);
        assertThat(one.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(jobs(url, "done")).isEqualTo(10_000);
        assertThat(effects(url)).containsExactly(10_000, 10_000);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(DISTINCT \"worker\") FROM \"test_effect\"")) {
            rows.next();
            assertThat(rows.getLong(1)).as("both nodes worked").isEqualTo(2);
        }
    }

    /** A fresh schema on the test PostgreSQL, as a JDBC URL; skips without one. */
    private static String postgresSchema() throws Exception {
        String url = System.getenv(TestDatabase.PG_URL);
        Assumptions.assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: " + TestDatabase.PG_URL + " is not set");
        String schema = "w_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
