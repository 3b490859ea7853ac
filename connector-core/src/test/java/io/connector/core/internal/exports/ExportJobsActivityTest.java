package io.connector.core.internal.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.connector.api.job.JobFunction;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.Deleter;
import io.connector.api.unit.Exporter;
import io.connector.core.internal.HeardActivity;
import io.connector.core.internal.KeptJobs;
import io.connector.core.internal.TestJobContext;
import io.connector.core.internal.TestShop;
import io.connector.core.internal.UnitsOnShop;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.sync.ExportJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the export job functions tell the activity listeners: one record per binding exported. */
class ExportJobsActivityTest {

    private static final String PARTNER = "shop.res.partner";

    /** Exports every binding but 13, which fails. */
    static final class ScriptedExporter extends AbstractUnit implements Exporter {
        @Override
        public String run(long bindingId, Collection<String> fields) {
            if (bindingId == 13) {
                throw new IllegalStateException("binding 13 is broken");
            }
            return "Exported " + PARTNER + " " + bindingId;
        }
    }

    static final class QuietDeleter extends AbstractUnit implements Deleter {
        @Override
        public String run(String externalId) {
            return "Deleted " + externalId;
        }
    }

    private final UnitsOnShop on = new UnitsOnShop().register(Exporter.class, ScriptedExporter::new, PARTNER)
            .register(Deleter.class, QuietDeleter::new, PARTNER);
    private final KeptJobs jobs = on.jobs;
    private final HeardActivity activity = new HeardActivity();
    private final TestShop shop = on.shop;
    private final ConnectorEnvironmentFactory environments = on.environments;

    @AfterEach
    void tearDown() {
        on.close();
    }

    @Test
    void aRecordExportCountsOneRecordOnceItReturned() throws Exception {
        JobFunction function = new ExportJobFunctions.ExportRecord(shop.records(), environments, activity.registered());
        function.run(TestJobContext.of(ExportJobs.EXPORT_RECORD, Map.of("backend_id", "b1", "model", PARTNER, "binding_id", 7), jobs));
        assertThatThrownBy(() -> function.run(TestJobContext.of(ExportJobs.EXPORT_RECORD,
                Map.of("backend_id", "b1", "model", PARTNER, "binding_id", 13), jobs))).hasMessageContaining("binding 13");
        assertThat(activity.heard).containsExactly("b1 shop.res.partner EXPORTED 1");
    }

    @Test
    void aChunkExportCountsTheBindingsItExportedAndNotThoseLeftToJobsOfTheirOwn() throws Exception {
        JobFunction function = new ExportJobFunctions.ExportChunk(shop.records(), environments, activity.registered());
        Object result = function.run(TestJobContext.of(ExportJobs.EXPORT_CHUNK,
                Map.of("backend_id", "b1", "model", PARTNER, "binding_ids", List.of(7, 8, 13)), jobs));
        assertThat(result).asString().contains("2 exported or skipped").contains("1 exported alone (13)");
        assertThat(activity.heard).containsExactly("b1 shop.res.partner EXPORTED 2");
    }

    @Test
    void aRemoteDeleteIsNoRecordSynchronized() throws Exception {
        JobFunction function = new ExportJobFunctions.ExportDeleteRecord(shop.records(), environments);
        function.run(TestJobContext.of(ExportJobs.EXPORT_DELETE_RECORD,
                Map.of("backend_id", "b1", "model", PARTNER, "external_id", "42"), jobs));
        assertThat(activity.heard).isEmpty();
    }
}
