package io.connector.core.internal.imports;

import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.job.JobContext;
import io.connector.api.job.JobFunction;
import io.connector.api.monitoring.ActivityListener.Direction;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.RecordImporter;
import io.connector.core.internal.ActivityListeners;
import io.connector.core.internal.environment.BackendJob;
import io.connector.core.sync.AbstractBatchImporter;
import io.connector.core.sync.AbstractRecordImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the import job functions share: arguments checked, an environment opened on the job's backend record. */
final class ImportJobs {

    private ImportJobs() {
    }

    static String text(JobContext context, String name) {
        return BackendJob.text(context, name);
    }

    /** Whether what a record's import said means it landed: created or updated, not skipped or up to date. */
    static boolean landed(String said) {
        return said != null && (said.startsWith("Created") || said.startsWith("Updated"));
    }

    /** A job function that works in an environment on the job's backend record and model. */
    abstract static class ImportJob extends BackendJob {

        ImportJob(BackendRecords backends, EnvironmentFactory environments) {
            super(backends, environments);
        }
    }

    /** {@value AbstractBatchImporter#IMPORT_RECORD}: backend_id, model, external_id, force. */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + AbstractBatchImporter.IMPORT_RECORD,
        JobFunction.DESCRIPTION + "=Import a record",
        JobFunction.TIMEOUT + "=600",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ImportRecord extends ImportJob {

        private final ActivityListeners activity;

        @Activate
        public ImportRecord(@Reference BackendRecords backends, @Reference EnvironmentFactory environments,
                @Reference ActivityListeners activity) {
            super(backends, environments);
            this.activity = activity;
        }

        @Override
        public Object run(JobContext context) {
            boolean force = Boolean.TRUE.equals(context.args().get("force"));
            try (Environment env = open(context)) {
                String said = env.unit(RecordImporter.class).run(text(context, "external_id"), force);
                activity.recordsSynchronized(env.backendRecord().id(), env.model(), Direction.IMPORTED, landed(said) ? 1 : 0);
                return said;
            }
        }
    }

    /**
     * {@value AbstractBatchImporter#IMPORT_CHUNK}: backend_id, model, external_ids, force. The
     * records that did not land (bad data, a fault for that id, held by another job) are each
     * queued as an {@value AbstractBatchImporter#IMPORT_RECORD} job of their own, in this job's
     * transaction: their failure then is a job that says which record and why, retried and
     * retriable as any record's.
     */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + AbstractBatchImporter.IMPORT_CHUNK,
        JobFunction.DESCRIPTION + "=Import a chunk of records, each on its own",
        JobFunction.TIMEOUT + "=1800",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ImportChunk extends ImportJob {

        private final ActivityListeners activity;

        @Activate
        public ImportChunk(@Reference BackendRecords backends, @Reference EnvironmentFactory environments,
                @Reference ActivityListeners activity) {
            super(backends, environments);
            this.activity = activity;
        }

        @Override
        public Object run(JobContext context) {
            List<String> ids = ids(context);
            boolean force = Boolean.TRUE.equals(context.args().get("force"));
            try (Environment env = open(context)) {
                ChunkResult result = env.unit(RecordImporter.class).runChunk(ids, force);
                BatchImporter batch = env.unit(BatchImporter.class);
                for (Map.Entry<String, RuntimeException> failed : result.failed().entrySet()) {
                    String why = "in chunk job " + context.uuid() + ": " + failed.getValue().getMessage();
                    // Bad data fails the same way alone: its job is written failed, with this error,
                    // rather than run to read the record again (113 refused products of 2,000 had
                    // as many jobs and requests more). What another job held, or any other
                    // failure, is imported alone.
                    InvalidDataException bad = failsAlike(failed.getValue()) ? (InvalidDataException) failed.getValue() : null;
                    if (batch instanceof AbstractBatchImporter importer) {
                        if (bad != null) {
                            importer.failedAlone(failed.getKey(), why, bad);
                        } else {
                            importer.importAlone(failed.getKey(), why);
                        }
                    } else {
                        var job = env.jobs().job(AbstractBatchImporter.IMPORT_RECORD)
                                .args(Map.of("backend_id", env.backendRecord().id(), "model", env.model(),
                                        "external_id", failed.getKey()))
                                .backend(env.backendRecord().id()).description(AbstractBatchImporter.aloneDescription(
                                        env.model(), failed.getKey(), env.backendRecord().name(), why));
                        if (bad != null) {
                            job.delayFailed(bad);
                        } else {
                            job.delay();
                        }
                    }
                }
                activity.recordsSynchronized(env.backendRecord().id(), env.model(), Direction.IMPORTED,
                        (int) result.imported().values().stream().filter(ImportJobs::landed).count());
                return summary(env, ids.size(), result);
            }
        }

        /** Bad data: the record would fail the same way alone, so its job is written failed, not run. */
        static boolean failsAlike(RuntimeException failure) {
            return failure instanceof InvalidDataException;
        }

        private static List<String> ids(JobContext context) {
            if (!(context.args().get("external_ids") instanceof List<?> list) || list.isEmpty()
                    || list.stream().anyMatch(id -> id == null || id.toString().isBlank())) {
                throw new ConnectorException("Job " + context.function() + " needs the argument 'external_ids', a list of "
                        + "remote ids; it has " + context.args().get("external_ids"));
            }
            return list.stream().map(Object::toString).toList();
        }

        /** The records whose notes a chunk's summary repeats; the others are only counted. */
        static final int MAX_NOTES = 10;

        /**
         * e.g. "50 magento.res.partner from shop: 47 created, 2 updated, 1 imported alone (9102)",
         * then each landed record's notes: "; 24-WG02: Image ... skipped".
         */
        static String summary(Environment env, int asked, ChunkResult result) {
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            for (String said : result.imported().values()) {
                String outcome = said.startsWith("Created") ? "created" : said.startsWith("Updated") ? "updated"
                        : said.startsWith("Already up to date") ? "up to date" : said.startsWith("Record no longer exists")
                        ? "gone" : "skipped";
                outcomes.merge(outcome, 1, Integer::sum);
            }
            StringBuilder text = new StringBuilder(asked + " " + env.model() + " from " + env.backendRecord().name() + ":");
            String separator = " ";
            for (Map.Entry<String, Integer> outcome : outcomes.entrySet()) {
                text.append(separator).append(outcome.getValue()).append(' ').append(outcome.getKey());
                separator = ", ";
            }
            List<String> bad = result.failed().entrySet().stream().filter(f -> failsAlike(f.getValue()))
                    .map(Map.Entry::getKey).toList();
            List<String> alone = result.failed().keySet().stream().filter(id -> !bad.contains(id)).toList();
            if (!bad.isEmpty()) {
                text.append(separator).append(bad.size()).append(" failed (").append(BackendJob.listed(bad)).append(')');
                separator = ", ";
            }
            if (!alone.isEmpty()) {
                text.append(separator).append(alone.size()).append(" imported alone (").append(BackendJob.listed(alone)).append(')');
            }
            // What a landed record said beside its outcome (an image missing in the shop): the
            // summary is all the chunk job keeps, so its notes go along, the first few in full.
            int noted = 0;
            for (Map.Entry<String, String> said : result.imported().entrySet()) {
                int at = said.getValue().indexOf(AbstractRecordImporter.NOTE);
                if (at >= 0 && noted++ < MAX_NOTES) {
                    text.append("; ").append(said.getKey()).append(": ").append(said.getValue().substring(at + AbstractRecordImporter.NOTE.length()));
                }
            }
            if (noted > MAX_NOTES) {
                text.append("; and notes on ").append(noted - MAX_NOTES).append(" more (import them alone to read them)");
            }
            return text.toString();
        }
    }

    /**
     * import_batch: backend_id, model, filters (the adapter's search filters); for an incremental
     * import also its name and where the next one starts, stored once the batch succeeded.
     */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=import_batch",
        JobFunction.DESCRIPTION + "=Find the records to import and import them",
        JobFunction.TIMEOUT + "=3600",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ImportBatch extends ImportJob {

        @Activate
        public ImportBatch(@Reference BackendRecords backends, @Reference EnvironmentFactory environments) {
            super(backends, environments);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object run(JobContext context) {
            Object filters = context.args().get("filters");
            try (Environment env = open(context)) {
                env.unit(BatchImporter.class).run(filters instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
                // Only a batch that found its records moves the next incremental import's start:
                // one that failed (the shop was down) leaves it, so nothing changed meanwhile is missed.
                Object name = context.args().get(ImportLauncher.ARG_IMPORT);
                Object next = context.args().get(ImportLauncher.ARG_NEXT_FROM);
                if (name != null && next != null) {
                    ImportLauncher.storeFrom(env.store(), env.backendRecord().id(), name.toString(),
                            java.time.LocalDateTime.parse(next.toString()));
                }
                return "Batch of " + env.model() + " for backend " + env.backendRecord().name() + " done";
            }
        }
    }
}
