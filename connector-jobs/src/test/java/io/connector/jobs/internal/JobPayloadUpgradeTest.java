package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.connector.api.job.JobFunction;
import io.connector.api.job.JobView;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.internal.schema.Migration;
import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A database of the queue's V1, where a job was one row, upgrades in place to the job state and
 * payload apart (V2): its waiting work runs with its arguments, its failures keep their errors
 * and history, its identity keys still hold.
 */
class JobPayloadUpgradeTest {

    private static final String V1_JOB = "INSERT INTO \"connector_job\" (\"uuid\", \"function_name\", \"args\", \"description\", "
            + "\"channel\", \"priority\", \"eta\", \"state\", \"retry\", \"max_retries\", \"identity_key\", \"active_key\", "
            + "\"backend_id\", \"created_at\", \"ended_at\", \"result\", \"error_class\", \"error_message\", \"error_trace\") VALUES ";

    @Test
    void aV1DatabaseOnH2KeepsItsJobs() throws Exception {
        upgradesKeepingJobs(TestDatabase::h2);
    }

    @Test
    void aV1DatabaseOnPostgresKeepsItsJobs() throws Exception {
        upgradesKeepingJobs(TestDatabase::postgres);
    }

    private static void upgradesKeepingJobs(Supplier<TestDatabase> databases) throws Exception {
        try (TestDatabase database = databases.get()) {
            JdbcRecordStore store = store(database);
            Migration v1 = Migration.list("io.connector.jobs", "io/connector/jobs/schema", store.database(),
                    JobPayloadUpgradeTest.class.getClassLoader()::getResource).get(0);
            SchemaManager.migrate(database.dataSource(), List.of(v1), new ModelRegistry().current());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(V1_JOB + "('pending-1', 'echo', '{\"name\":\"kept\"}', 'Import partner 7', 'root', 10, "
                        + "TIMESTAMP '1970-01-01 00:00:00', 'pending', 2, 5, 'partner 7', 'partner 7', 'shop', CURRENT_TIMESTAMP, "
                        + "NULL, NULL, NULL, 'remote busy', NULL)");
                s.executeUpdate(V1_JOB + "('failed-1', 'echo', '{\"name\":\"broken\"}', NULL, 'root', 10, "
                        + "TIMESTAMP '1970-01-01 00:00:00', 'failed', 1, 1, 'partner 8', NULL, 'shop', CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP, NULL, 'java.lang.IllegalStateException', 'no such partner', "
                        + "'java.lang.IllegalStateException: no such partner\n\tat somewhere')");
                s.executeUpdate(V1_JOB + "('done-1', 'echo', '{}', NULL, 'root', 10, TIMESTAMP '1970-01-01 00:00:00', 'done', 0, 5, "
                        + "NULL, NULL, NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'ran earlier', NULL, NULL, NULL)");
                s.executeUpdate("INSERT INTO \"connector_job_history\" (\"job_id\", \"at\", \"state\", \"worker\", \"note\") "
                        + "SELECT \"id\", CURRENT_TIMESTAMP, 'pending', 'node#1', 'try 1 ended: remote busy' FROM \"connector_job\" "
                        + "WHERE \"uuid\" = 'failed-1'");
            }

            JobFunctions functions = new JobFunctions();
            functions.add(context -> "ran " + context.args().get("name"), Map.of(JobFunction.NAME, "echo"));
            QueueParts upgraded = new QueueParts(store, functions, new TestJobConfig().runner(false));

            JobView pending = upgraded.admin.get("pending-1");
            assertThat(pending.args()).isEqualTo("{\"name\":\"kept\"}");
            assertThat(pending.description()).isEqualTo("Import partner 7");
            assertThat(pending.identityKey()).isEqualTo("partner 7");
            assertThat(pending.errorMessage()).isEqualTo("remote busy");
            assertThat(pending.retry()).isEqualTo(2);
            assertThat(upgraded.queue.job("echo").identityKey("partner 7").delay())
                    .as("its identity key is still active").isEqualTo("pending-1");
            JobView failed = upgraded.admin.get("failed-1");
            assertThat(failed.errorClass()).isEqualTo("java.lang.IllegalStateException");
            assertThat(failed.errorMessage()).isEqualTo("no such partner");
            assertThat(failed.errorTrace()).contains("at somewhere");
            assertThat(failed.history()).extracting(JobView.Event::note).contains("try 1 ended: remote busy");
            assertThat(upgraded.admin.get("done-1").result()).isEqualTo("ran earlier");
            assertThat(columns(database, "connector_job")).doesNotContain("args", "uuid", "error_trace", "result");

            QueueParts running = new QueueParts(store, functions, new TestJobConfig());
            try {
                JobQueueContract.eventually("the kept pending job done", () -> "done".equals(running.admin.get("pending-1").state()));
                assertThat(running.admin.get("pending-1").result()).as("run with its kept arguments").isEqualTo("ran kept");
                running.admin.retry("failed-1", "test");
                JobQueueContract.eventually("the kept failed job retried", () -> "done".equals(running.admin.get("failed-1").state()));
                assertThat(running.admin.get("failed-1").result()).isEqualTo("ran broken");
            } finally {
                running.runner.stop();
            }
        }
    }

    private static JdbcRecordStore store(TestDatabase database) {
        ModelRegistry models = new ModelRegistry();
        models.contributed("test", StoreFixture.contribution("test", 1, "/test-models.json"));
        return new JdbcRecordStore(database.dataSource(), models, new RecordListeners());
    }

    /** The columns of {@code table}, as the database's metadata names them. */
    private static List<String> columns(TestDatabase database, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                ResultSet rows = c.getMetaData().getColumns(null, c.getSchema(), table, null)) {
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME"));
            }
        }
        assertThat(names).as("the columns of " + table).contains("state");
        return names;
    }
}
