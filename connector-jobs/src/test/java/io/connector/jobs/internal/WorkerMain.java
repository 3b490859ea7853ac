package io.connector.jobs.internal;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connector.api.job.JobFunction;
import io.connector.jobs.internal.runner.JobRunner;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.internal.model.ModelRegistry;

/**
 * A worker node in a process of its own, for the crash and multi-node tests: it runs the
 * {@code count} jobs (each writes one {@code test.effect} row in its transaction) until it is
 * killed, or with {@code --exit-when-idle} until no job is left to run.
 *
 * <p>{@code java WorkerMain JDBC_URL NODE_ID THREADS JOB_MILLIS [--exit-when-idle]}
 */
public final class WorkerMain {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String node = args[1];
        int threads = Integer.parseInt(args[2]);
        long jobMillis = Long.parseLong(args[3]);
        boolean exitWhenIdle = args.length > 4 && args[4].equals("--exit-when-idle");
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setMaximumPoolSize(threads + 4);
        try (HikariDataSource pool = new HikariDataSource(hikari)) {
            JdbcRecordStore store = new JdbcRecordStore(pool, models(), new RecordListeners());
            JobFunctions functions = new JobFunctions();
            functions.add(context -> {
                context.session().create("test.effect", Map.of("job", context.uuid(), "worker", node));
                if (jobMillis > 0) {
                    Thread.sleep(jobMillis);
                }
                return null;
            }, Map.of(JobFunction.NAME, "count"));
            TestJobConfig config = new TestJobConfig().node(node).threads(threads).channels("root:" + threads);
            config.lease = 2;
            QueueParts parts = new QueueParts(store, functions, config);
            JobRunner runner = parts.runner;
            System.out.println("worker " + runner.worker() + " started");
            System.out.flush();
            while (true) {
                TimeUnit.MILLISECONDS.sleep(200);
                if (exitWhenIdle && runner.runningCount() == 0 && remaining(parts) == 0) {
                    runner.stop();
                    System.out.println("worker " + node + " idle: exiting");
                    return;
                }
            }
        }
    }

    static ModelRegistry models() throws Exception {
        ModelRegistry models = new ModelRegistry();
        try (InputStream effects = WorkerMain.class.getResourceAsStream("/test-models.json")) {
            models.contributed("effects", ModelFileReader.read("effects", 1, "effects", effects));
        }
        return models;
    }

    static long remaining(QueueParts parts) {
        return parts.inConnection(c -> {
            try (var s = c.createStatement(); var rows = s.executeQuery("SELECT COUNT(*) FROM \"connector_job\" WHERE "
                    + "\"state\" IN ('waiting', 'pending', 'claimed', 'started')")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
