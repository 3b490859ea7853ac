package io.connector.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.connector.api.job.JobFunction;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.internal.schema.Migration;
import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A database made before the store and the queue had bundles of their own: the core recorded the
 * job tables as its V1 and the record locks as its V2. The queue's and the store's own V1 find
 * those tables there and leave them, with their rows, as they are.
 */
class SchemaUpgradeTest {

    @Test
    void aDatabaseMadeByTheCoreBeforeTheSplitUpgradesInPlace() throws Exception {
        try (TestDatabase database = TestDatabase.h2()) {
            // What the core's V1 and V2 left: the same tables, recorded under the core's name.
            ClassLoader loader = getClass().getClassLoader();
            List<Migration> before = List.of(
                    Migration.list("io.connector.core", "io/connector/jobs/schema", io.connector.store.spi.Database.H2,
                            loader::getResource).get(0),
                    new Migration("io.connector.core", 2, "record locks", "CREATE TABLE \"connector_lock\" "
                            + "(\"bucket\" INT PRIMARY KEY);\nINSERT INTO \"connector_lock\" (\"bucket\") SELECT CAST(X AS INT) "
                            + "FROM SYSTEM_RANGE(0, 4095);"));
            SchemaManager.migrate(database.dataSource(), before, new ModelRegistry().current());
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO \"connector_job\" (\"uuid\", \"function_name\", \"args\", \"channel\", \"priority\", "
                        + "\"eta\", \"state\", \"retry\", \"max_retries\", \"created_at\") VALUES ('kept', 'count', '{}', 'root', 10, "
                        + "TIMESTAMP '1970-01-01 00:00:00', 'pending', 0, 5, CURRENT_TIMESTAMP)");
            }

            ModelRegistry models = new ModelRegistry();
            models.contributed("test", StoreFixture.contribution("test", 1, "/test-models.json"));
            JdbcRecordStore store = new JdbcRecordStore(database.dataSource(), models, new RecordListeners());
            JobFunctions functions = new JobFunctions();
            functions.add(context -> "ran " + context.uuid(), Map.of(JobFunction.NAME, "count"));
            QueueParts parts = new QueueParts(store, functions, new TestJobConfig());
            try {
                JobQueueContract.eventually("the job of before the split done", () -> "done".equals(parts.admin.get("kept").state()));
                String fresh = parts.queue.job("count").delay();
                JobQueueContract.eventually("a new job done", () -> "done".equals(parts.admin.get(fresh).state()));
            } finally {
                parts.runner.stop();
            }
            assertThat(count(database, "SELECT COUNT(*) FROM \"connector_lock\"")).as("no lock row added twice").isEqualTo(4096);
            assertThat(count(database, "SELECT COUNT(*) FROM \"connector_job_channel\" WHERE \"name\" = '*lock*'")).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM \"connector_schema_history\" WHERE \"component\" IN "
                    + "('io.connector.jobs', 'io.connector.store')")).as("recorded under their new names").isEqualTo(3);
        }
    }

    private static long count(TestDatabase database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
