package io.connector.core.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.connector.api.job.JobFunction;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.RecordImporter;
import io.connector.core.internal.HeardActivity;
import io.connector.core.internal.KeptJobs;
import io.connector.core.internal.TestJobContext;
import io.connector.core.internal.TestShop;
import io.connector.core.internal.UnitsOnShop;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.sync.AbstractBatchImporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the import job functions tell the activity listeners: the records that landed, created or updated. */
class ImportJobsActivityTest {

    private static final String PARTNER = "shop.res.partner";

    /** Answers as AbstractRecordImporter does, by id: 1 created, 2 updated, 3 up to date, 4 skipped, 5 fails, 6 has bad data. */
    static final class ScriptedImporter extends AbstractUnit implements RecordImporter {
        @Override
        public String run(String externalId, boolean force) {
            return switch (externalId) {
                case "1" -> "Created " + PARTNER + " 1 of backend Madison Island";
                case "2" -> "Updated " + PARTNER + " 2 of backend Madison Island";
                case "3" -> "Already up to date: " + PARTNER + " 3 of backend Madison Island";
                case "4" -> "Skipped: a guest";
                case "6" -> throw new InvalidDataException(PARTNER + " 6 of backend Madison Island: no name");
                default -> throw new IllegalStateException("record " + externalId + " is broken");
            };
        }
    }

    static final class Batches extends AbstractUnit implements BatchImporter {
        @Override
        public void run(Map<String, Object> filters) {
        }
    }

    private final UnitsOnShop on = new UnitsOnShop().register(RecordImporter.class, ScriptedImporter::new, PARTNER)
            .register(BatchImporter.class, Batches::new, PARTNER);
    private final KeptJobs jobs = on.jobs;
    private final HeardActivity activity = new HeardActivity();
    private final TestShop shop = on.shop;
    private final ConnectorEnvironmentFactory environments = on.environments;

    @AfterEach
    void tearDown() {
        on.close();
    }

    private Object importRecord(String externalId) throws Exception {
        JobFunction function = new ImportJobs.ImportRecord(shop.records(), environments, activity.registered());
        return function.run(TestJobContext.of(AbstractBatchImporter.IMPORT_RECORD,
                Map.of("backend_id", "b1", "model", PARTNER, "external_id", externalId), jobs));
    }

    @Test
    void aRecordImportCountsOneRecordWhenItWasCreatedOrUpdated() throws Exception {
        importRecord("1");
        importRecord("2");
        assertThat(activity.heard).containsExactly("b1 shop.res.partner IMPORTED 1", "b1 shop.res.partner IMPORTED 1");
    }

    @Test
    void aRecordImportThatChangedNothingCountsNothing() throws Exception {
        assertThat(importRecord("3")).asString().startsWith("Already up to date");
        importRecord("4");
        assertThat(activity.heard).isEmpty();
    }

    @Test
    void aChunkImportCountsTheRecordsCreatedOrUpdatedAndNotThoseLeftToJobsOfTheirOwn() throws Exception {
        JobFunction function = new ImportJobs.ImportChunk(shop.records(), environments, activity.registered());
        Object result = function.run(TestJobContext.of(AbstractBatchImporter.IMPORT_CHUNK,
                Map.of("backend_id", "b1", "model", PARTNER, "external_ids", List.of("1", "2", "3", "4", "5")), jobs));
        assertThat(result).asString().contains("1 created").contains("1 updated").contains("1 imported alone (5)");
        assertThat(activity.heard).containsExactly("b1 shop.res.partner IMPORTED 2");
        assertThat(jobs.delayed).extracting(job -> (Object) KeptJobs.args(job).get("external_id")).containsExactly("5");
    }

    @Test
    void aChunkRecordWithBadDataGetsItsJobWrittenFailedWithItsErrorWhereAnotherFailureIsImportedAlone() throws Exception {
        JobFunction function = new ImportJobs.ImportChunk(shop.records(), environments, activity.registered());
        Object result = function.run(TestJobContext.of(AbstractBatchImporter.IMPORT_CHUNK,
                Map.of("backend_id", "b1", "model", PARTNER, "external_ids", List.of("1", "6", "5")), jobs));
        assertThat(result).asString().contains("1 created").contains("1 failed (6)").contains("1 imported alone (5)");
        assertThat(jobs.delayed).extracting(job -> (Object) KeptJobs.args(job).get("external_id")).containsExactly("6", "5");
        assertThat(jobs.delayed.get(0).get("failed")).isInstanceOf(InvalidDataException.class)
                .hasFieldOrPropertyWithValue("message", PARTNER + " 6 of backend Madison Island: no name");
        assertThat(jobs.delayed.get(0)).containsEntry("function", AbstractBatchImporter.IMPORT_RECORD);
        assertThat(jobs.delayed.get(1)).doesNotContainKey("failed");
    }

    static final class ChunkedBatches extends AbstractBatchImporter {
    }

    @Test
    void throughAnAbstractBatchImporterTheFailedJobIsTheRecordsOwnOnItsKey() throws Exception {
        UnitsOnShop chunked = new UnitsOnShop().register(RecordImporter.class, ScriptedImporter::new, PARTNER)
                .register(BatchImporter.class, ChunkedBatches::new, PARTNER);
        try {
            JobFunction function = new ImportJobs.ImportChunk(chunked.shop.records(), chunked.environments, activity.registered());
            function.run(TestJobContext.of(AbstractBatchImporter.IMPORT_CHUNK,
                    Map.of("backend_id", "b1", "model", PARTNER, "external_ids", List.of("6", "5")), chunked.jobs));
            assertThat(chunked.jobs.delayed).hasSize(2);
            Map<String, Object> failed = chunked.jobs.delayed.get(0);
            assertThat(failed).containsEntry("function", AbstractBatchImporter.IMPORT_RECORD)
                    .containsEntry("identityKey", AbstractBatchImporter.IMPORT_RECORD + " b1 " + PARTNER + " 6");
            assertThat(failed.get("failed")).isInstanceOf(InvalidDataException.class);
            assertThat((String) failed.get("description")).startsWith("Import " + PARTNER + " 6 from ").contains(" alone, in chunk job ")
                    .endsWith(": " + PARTNER + " 6 of backend Madison Island: no name");
            assertThat(chunked.jobs.delayed.get(1)).doesNotContainKey("failed");
        } finally {
            chunked.close();
        }
    }
}
