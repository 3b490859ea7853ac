package io.connector.core.internal.exports;

import java.util.List;

import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.job.JobContext;
import io.connector.api.job.JobFunction;
import io.connector.api.unit.Deleter;
import io.connector.api.unit.Exporter;
import io.connector.core.internal.environment.BackendJob;
import io.connector.core.sync.ExportJobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The export job functions, each in an environment on the job's backend record and binding model. */
final class ExportJobFunctions {

    private ExportJobFunctions() {
    }

    /** {@value ExportJobs#EXPORT_RECORD}: backend_id, model, binding_id, fields. */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + ExportJobs.EXPORT_RECORD,
        JobFunction.DESCRIPTION + "=Export a record",
        JobFunction.RETRY_PATTERN + "=1:10,3:60,5:300"})
    public static final class ExportRecord extends BackendJob {

        @Activate
        public ExportRecord(@Reference BackendRecords backends, @Reference EnvironmentFactory environments) {
            super(backends, environments);
        }

        @Override
        public Object run(JobContext context) {
            long bindingId = bindingId(context);
            List<String> fields = fields(context);
            try (Environment env = open(context)) {
                return env.unit(Exporter.class).run(bindingId, fields);
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

        private static List<String> fields(JobContext context) {
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

    /** {@value ExportJobs#EXPORT_DELETE_RECORD}: backend_id, model, external_id. */
    @Component(service = JobFunction.class, property = {
        JobFunction.NAME + "=" + ExportJobs.EXPORT_DELETE_RECORD,
        JobFunction.DESCRIPTION + "=Delete a record in a backend",
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
