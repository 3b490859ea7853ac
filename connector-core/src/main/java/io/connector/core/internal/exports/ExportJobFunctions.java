package io.connector.core.internal.exports;

import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.job.JobContext;
import io.connector.api.job.JobFunction;
import io.connector.api.monitoring.ActivityListener.Direction;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.Deleter;
import io.connector.api.unit.Exporter;
import io.connector.core.internal.ActivityListeners;
import io.connector.core.internal.environment.BackendJob;
import io.connector.core.sync.ExportJobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The export job functions, each in an environment on the job's backend record and binding model.
 * The {@link ActivityListeners} hear of one record exported per binding whose export returned:
 * an exporter's answer does not tell a record sent from one it found nothing to send for, and a
 * binding gone or left alone ({@link io.connector.api.job.NothingToDoException}) in a one-record
 * job is not counted. A remote delete is neither a create nor an update: not counted.
 */
final class ExportJobFunctions {

    private ExportJobFunctions() {
    }

    /** {@value ExportJobs#EXPORT_RECORD}: backend_id, model, binding_id, fields. */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + ExportJobs.EXPORT_RECORD,
        JobFunction.DESCRIPTION + "=Export a record",
        JobFunction.TIMEOUT + "=600",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ExportRecord extends BackendJob {

        private final ActivityListeners activity;

        @Activate
        public ExportRecord(@Reference BackendRecords backends, @Reference EnvironmentFactory environments,
                @Reference ActivityListeners activity) {
            super(backends, environments);
            this.activity = activity;
        }

        @Override
        public Object run(JobContext context) {
            long bindingId = bindingId(context);
            List<String> fields = fields(context);
            try (Environment env = open(context)) {
                String said = env.unit(Exporter.class).run(bindingId, fields);
                activity.recordsSynchronized(env.backendRecord().id(), env.model(), Direction.EXPORTED, 1);
                return said;
            }
        }

        private static long bindingId(JobContext context) {
            String value = BackendJob.text(context, "binding_id");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConnectorException("Job " + context.function() + ": binding_id '" + value + "' is not a record id");
            }
        }

        static List<String> fields(JobContext context) {
            Object fields = context.args().get("fields");
            if (fields == null) {
                return List.of();
            }
            if (!(fields instanceof List<?> list) || list.stream().anyMatch(f -> f == null || f.toString().isBlank())) {
                throw new ConnectorException("Job " + context.function() + " needs 'fields' to be a list of field names; it has "
                        + fields);
            }
            return list.stream().map(Object::toString).toList();
        }
    }

    /**
     * {@value ExportJobs#EXPORT_CHUNK}: backend_id, model, binding_ids, fields. The bindings that
     * were not exported (bad data, a fault for that record, held by another job) are each queued
     * as an {@value ExportJobs#EXPORT_RECORD} job of their own, in this job's transaction: their
     * failure then is a job that says which binding and why, retried and retriable as any export.
     */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + ExportJobs.EXPORT_CHUNK,
        JobFunction.DESCRIPTION + "=Export a chunk of records, each on its own",
        JobFunction.TIMEOUT + "=1800",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ExportChunk extends BackendJob {

        private final ActivityListeners activity;

        @Activate
        public ExportChunk(@Reference BackendRecords backends, @Reference EnvironmentFactory environments,
                @Reference ActivityListeners activity) {
            super(backends, environments);
            this.activity = activity;
        }

        @Override
        public Object run(JobContext context) {
            List<Long> ids = bindingIds(context);
            List<String> fields = ExportRecord.fields(context);
            try (Environment env = open(context)) {
                ChunkResult result = env.unit(Exporter.class).runChunk(ids, fields);
                for (Map.Entry<String, RuntimeException> failed : result.failed().entrySet()) {
                    String why = "in chunk job " + context.uuid() + ": " + failed.getValue().getMessage();
                    ExportJobs.export(env.jobs(), env.backendRecord().id(), env.model(), Long.parseLong(failed.getKey()), fields)
                            .description(BackendJob.shortened("Export " + env.model() + " " + failed.getKey() + " to " + env.backendRecord().name()
                                    + " alone, " + why)).delay();
                }
                activity.recordsSynchronized(env.backendRecord().id(), env.model(), Direction.EXPORTED, result.imported().size());
                String text = ids.size() + " " + env.model() + " to " + env.backendRecord().name() + ": "
                        + (result.imported().size()) + " exported or skipped";
                if (!result.failed().isEmpty()) {
                    text += ", " + result.failed().size() + " exported alone (" + BackendJob.listed(result.failed().keySet()) + ")";
                }
                return text;
            }
        }

        private static List<Long> bindingIds(JobContext context) {
            if (!(context.args().get("binding_ids") instanceof List<?> list) || list.isEmpty()
                    || list.stream().anyMatch(id -> !(id instanceof Number))) {
                throw new ConnectorException("Job " + context.function() + " needs the argument 'binding_ids', a list of "
                        + "binding ids; it has " + context.args().get("binding_ids"));
            }
            return list.stream().map(id -> ((Number) id).longValue()).toList();
        }
    }

    /** {@value ExportJobs#EXPORT_DELETE_RECORD}: backend_id, model, external_id. */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + ExportJobs.EXPORT_DELETE_RECORD,
        JobFunction.DESCRIPTION + "=Delete a record in a backend",
        JobFunction.TIMEOUT + "=600",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ExportDeleteRecord extends BackendJob {

        @Activate
        public ExportDeleteRecord(@Reference BackendRecords backends, @Reference EnvironmentFactory environments) {
            super(backends, environments);
        }

        @Override
        public Object run(JobContext context) {
            String externalId = BackendJob.text(context, "external_id");
            try (Environment env = open(context)) {
                return env.unit(Deleter.class).run(externalId);
            }
        }
    }
}
