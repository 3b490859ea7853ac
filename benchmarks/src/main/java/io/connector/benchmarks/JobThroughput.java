package io.connector.benchmarks;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connector.api.job.JobFunction;
import io.connector.jobs.internal.ChannelTree;
import io.connector.jobs.internal.ConnectorJobQueue;
import io.connector.jobs.internal.JobChannels;
import io.connector.jobs.internal.JobConfiguration;
import io.connector.jobs.internal.JobFunctions;
import io.connector.jobs.internal.JobSignal;
import io.connector.jobs.internal.runner.JobRunner;
import io.connector.jobs.internal.sql.JobClaims;
import io.connector.store.internal.BundleSqlTransactions;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.internal.schema.Migration;
import io.connector.store.spi.Sql;
import io.connector.store.spi.SqlTransactions;

/**
 * How many no-op jobs a node runs per second, and how long a claim takes with many done jobs in
 * the table, against the same claim on an empty table, in the same run. Not JMH: the queue is a
 * background system measured end to end, from the first claim to the last job done.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.connector.benchmarks.JobThroughput h2 [JOBS] [THREADS] [DONE_ROWS]
 * java -cp benchmarks/target/benchmarks.jar io.connector.benchmarks.JobThroughput postgresql ...   (CONNECTOR_TEST_PG_URL set)
 * </pre>
 */
public final class JobThroughput {

    /** The store's SPI, as the queue bundle gets it: after the queue's migrations. */
    private static SqlTransactions sql;

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection c) throws java.sql.SQLException;
    }

    private static <T> T inConnection(ConnectionWork<T> work) {
        return sql.inTransaction(tx -> work.run(tx.connection()));
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int doneRows = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        String url = url(database);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setMaximumPoolSize(threads + 4);
        try (HikariDataSource pool = new HikariDataSource(hikari)) {
            ModelRegistry models = new ModelRegistry();
            try (InputStream in = JdbcRecordStore.class.getResourceAsStream("/connector/models.json")) {
                models.contributed("core", ModelFileReader.read("core", 1, "core", in));
            }
            JdbcRecordStore store = new JdbcRecordStore(pool, models, new RecordListeners());
            JobFunctions functions = new JobFunctions();
            java.util.concurrent.atomic.AtomicLong ran = new java.util.concurrent.atomic.AtomicLong();
            functions.add(context -> {
                ran.incrementAndGet();
                return null;
            }, Map.of(JobFunction.NAME, "noop"));
            // The capacity bounds the jobs runners hold (running, or waiting in a runner's batch); the
            // threads bound how many run at once. Room for a batch per thread lets commits group.
            String channels = "root:" + threads * 50;
            sql = new BundleSqlTransactions(store, Migration.list("io.connector.jobs", "io/connector/jobs/schema", store.database(),
                    JobThroughput.class.getClassLoader()::getResource));
            JobChannels channelTree = new JobChannels(channels);
            JobSignal signal = new JobSignal();
            ConnectorJobQueue queue = new ConnectorJobQueue(sql, store, functions, channelTree, signal);

            // A node's queue runs warm: the first thousands of jobs of a fresh JVM run interpreted
            // and in the JIT compilers (a 20,000-job run measured 6,000 to 7,200 jobs/s cold and
            // 11,900 once 100,000 had run), so a round as large as the measured one goes first.
            int warmup = Integer.getInteger("warmup", jobs);
            if (warmup > 0) {
                double[] warm = round(store, queue, functions, channelTree, signal, ran, channels, threads, warmup);
                System.out.printf(Locale.ROOT, "%s: warm-up: delayed and ran %d jobs (%.0f and %.0f jobs/s), then emptied the table%n",
                        database, warmup, warmup / warm[0], warmup / warm[1]);
                emptyJobs();
            }
            double[] seconds = round(store, queue, functions, channelTree, signal, ran, channels, threads, jobs);
            System.out.printf(Locale.ROOT, "%s: delayed %d jobs in %.2f s: %.0f jobs/s%n", database, jobs, seconds[0],
                    jobs / seconds[0]);
            System.out.printf(Locale.ROOT, "%s: ran %d no-op jobs with %d threads in %.2f s: %.0f jobs/s%n", database, jobs,
                    threads, seconds[1], jobs / seconds[1]);
            double runSeconds = seconds[1];

            double floor = sqlFloor(store, queue, jobs);
            System.out.printf(Locale.ROOT, "%s: the queue's own SQL alone (claim 400 per statement, end 50 per batch, "
                    + Integer.getInteger("floor.threads", 1) + " thread(s), no queue logic): %.0f jobs/s; the queue reached %.2f of it%n", database, floor,
                    jobs / runSeconds / floor);

            if (doneRows > 0) {
                claimTimes(store, database, queue, doneRows);
            }
        }
    }

    /** Delays {@code jobs} no-op jobs (1,000 per transaction), then runs them all: the seconds of each. */
    private static double[] round(JdbcRecordStore store, ConnectorJobQueue queue, JobFunctions functions, JobChannels channelTree,
            JobSignal signal, java.util.concurrent.atomic.AtomicLong ran,
            String channels, int threads, int jobs) throws Exception {
        ran.set(0);
        long t0 = System.nanoTime();
        delayNoOps(store, queue, jobs);
        double delaySeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        JobRunner runner = new JobRunner(sql, functions, queue, channelTree, signal);
        runner.start(new Config(channels, threads, true));
        // Counting the table while the jobs run took a quarter of the JVM's samples: the
        // functions count instead, and the table is read only for the last ends to commit.
        while (ran.get() < jobs) {
            Thread.sleep(5);
        }
        while (remaining(store) > 0) {
            Thread.sleep(5);
        }
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        runner.stop();
        return new double[] {delaySeconds, runSeconds};
    }

    /** {@code jobs} no-op jobs, delayed 1,000 per transaction. */
    private static void delayNoOps(JdbcRecordStore store, ConnectorJobQueue queue, int jobs) {
        for (int done = 0; done < jobs; done += 1000) {
            int batch = Math.min(1000, jobs - done);
            store.inTransaction(s -> {
                for (int i = 0; i < batch; i++) {
                    queue.job("noop").delay();
                }
                return null;
            });
        }
    }

    private static void emptyJobs() {
        inConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM \"connector_job\"");
            }
            return null;
        });
    }

    /**
     * The least the database has to do per job, measured on the same table in the same run: the
     * claim's update (400 jobs per statement) and the end's (batches of 50), with their commits,
     * from one thread. What the queue adds (choosing by channel, leases, savepoints, running the
     * function, several threads) shows as the ratio to it.
     */
    private static double sqlFloor(JdbcRecordStore store, ConnectorJobQueue queue, int jobs) throws Exception {
        emptyJobs();
        delayNoOps(store, queue, jobs);
        java.util.List<Long> ids = inConnection(c -> {
            java.util.List<Long> all = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT \"id\" FROM \"connector_job\" ORDER BY \"id\"")) {
                while (rows.next()) {
                    all.add(rows.getLong(1));
                }
            }
            return all;
        });
        int threads = Integer.getInteger("floor.threads", 1);
        long t = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
        int share = (ids.size() + threads - 1) / threads;
        for (int k = 0; k < threads; k++) {
            java.util.List<Long> mine = ids.subList(Math.min(ids.size(), k * share), Math.min(ids.size(), (k + 1) * share));
            parts.add(pool.submit(() -> {
                floorPart(store, mine);
                return null;
            }));
        }
        for (var part : parts) {
            part.get();
        }
        pool.shutdown();
        return ids.size() / ((System.nanoTime() - t) / 1e9);
    }

    private static void floorPart(JdbcRecordStore store, java.util.List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 400) {
            java.util.List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 400));
            inConnection(c -> {
                String in = String.join(",", chunk.stream().map(String::valueOf).toList());
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE \"connector_job\" SET \"state\" = 'claimed', \"worker\" = 'w', \"claim_id\" = 'c', "
                            + "\"lease_until\" = CURRENT_TIMESTAMP, \"claimed_at\" = CURRENT_TIMESTAMP WHERE \"id\" IN (" + in
                            + ") AND \"state\" || '' = 'pending'");
                }
                return null;
            });
            for (int part = 0; part < chunk.size(); part += 50) {
                java.util.List<Long> end = chunk.subList(part, Math.min(chunk.size(), part + 50));
                inConnection(c -> {
                    try (PreparedStatement update = c.prepareStatement("UPDATE \"connector_job\" SET \"state\" = 'done', "
                            + "\"ended_at\" = CURRENT_TIMESTAMP, \"active_key\" = NULL, \"lease_until\" = NULL WHERE \"id\" = ? "
                            + "AND \"claim_id\" = 'c' AND \"state\" IN ('claimed', 'started')")) {
                        for (Long id : end) {
                            update.setLong(1, id);
                            update.addBatch();
                        }
                        update.executeBatch();
                    }
                    return null;
                });
            }
        }
    }

    /** The claim of one job among few, on the table as it is, then with {@code doneRows} more done jobs. */
    private static void claimTimes(JdbcRecordStore store, String database, ConnectorJobQueue queue, int doneRows)
            throws Exception {
        inConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM \"connector_job\"");
            }
            return null;
        });
        double empty = claimMicros(store, queue);
        long t = System.nanoTime();
        inConnection(c -> {
            String rows = database.equals("postgresql") ? "generate_series(1, " + doneRows + ") AS g(x)"
                    : "SYSTEM_RANGE(1, " + doneRows + ") AS g(x)";
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO \"connector_job\" (\"function_name\", \"channel\", \"priority\", "
                        + "\"eta\", \"state\", \"retry\", \"max_retries\", \"created_at\", \"ended_at\") SELECT "
                        + "'noop', 'root', 10, TIMESTAMP '1970-01-01 00:00:00', 'done', 0, 5, "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM " + rows);
                s.execute("INSERT INTO \"connector_job_payload\" (\"job_id\", \"uuid\", \"args\") SELECT \"id\", "
                        + (database.equals("postgresql") ? "gen_random_uuid()::text" : "RANDOM_UUID()")
                        + ", '{}' FROM \"connector_job\" WHERE \"state\" = 'done'");
                if (database.equals("postgresql")) {
                    s.execute("ANALYZE \"connector_job\"");
                }
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "%s: inserted %d done jobs in %.1f s%n", database, doneRows, (System.nanoTime() - t) / 1e9);
        double full = claimMicros(store, queue);
        System.out.printf(Locale.ROOT, "%s: claim of one job: %.0f µs with an empty table, %.0f µs with %d done jobs (ratio %.2f)%n",
                database, empty, full, doneRows, full / empty);
    }

    private static double claimMicros(JdbcRecordStore store, ConnectorJobQueue queue) {
        var tree = ChannelTree.parse("root:8");
        int rounds = 500;
        long total = 0;
        for (int i = 0; i < rounds + 100; i++) {
            queue.job("noop").delay();
            long t = System.nanoTime();
            int claimed = inConnection(c -> JobClaims.claim(c, tree, "bench", Sql.now().plusMinutes(1), 1)).size();
            long elapsed = System.nanoTime() - t;
            if (claimed != 1) {
                throw new IllegalStateException("claimed " + claimed);
            }
            inConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE \"connector_job\" SET \"state\" = 'cancelled', \"active_key\" = NULL WHERE \"state\" = 'claimed'");
                }
                return null;
            });
            if (i >= 100) {
                total += elapsed;
            }
        }
        return total / 1000.0 / rounds;
    }

    private static long remaining(JdbcRecordStore store) {
        return inConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM \"connector_job\" WHERE \"state\" <> 'done'");
                    ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static String url(String database) throws Exception {
        if (database.equals("postgresql")) {
            String url = System.getenv("CONNECTOR_TEST_PG_URL");
            if (url == null) {
                throw new IllegalStateException("Set CONNECTOR_TEST_PG_URL (scripts/postgres start prints it)");
            }
            String schema = "jobs_" + System.nanoTime();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        Path dir = Files.createTempDirectory("job-bench");
        // The distribution's settings (karaf-features, connector-store's datasource).
        return "jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    /** The queue's configuration for the run. */
    private record Config(String channels, int threads, boolean runner_enabled) implements JobConfiguration {
        public String node_id() {
            return "bench";
        }

        public int lease_seconds() {
            return 60;
        }

        public int batch_size() {
            return 50;
        }

        public int reap_interval_seconds() {
            return 15;
        }

        public int poll_interval_ms() {
            return 100;
        }

        public int retention_days() {
            return 7;
        }

        public Class<? extends Annotation> annotationType() {
            return JobConfiguration.class;
        }
    }
}
