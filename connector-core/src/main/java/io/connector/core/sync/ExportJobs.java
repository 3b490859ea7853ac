package io.connector.core.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobQueue;

/**
 * The export jobs, as listeners, the shell and code delay them: {@value #EXPORT_RECORD} runs the
 * binding model's {@code Exporter} on one binding, {@value #EXPORT_DELETE_RECORD} its
 * {@code Deleter} on an external id.
 */
public final class ExportJobs {

    /** backend_id, model (the binding model), binding_id, fields (the changed fields; empty: all). */
    public static final String EXPORT_RECORD = "export_record";
    /** backend_id, model (the binding model), external_id. */
    public static final String EXPORT_DELETE_RECORD = "export_delete_record";
    /**
     * A backend record's option: seconds an export delayed by a write waits before it runs, so
     * that writes in a row (a quantity changed twice) make one export of the last values.
     */
    public static final String DELAY_OPTION = "export.delay";
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    private static final long MAX_DELAY_SECONDS = 3600;

    private ExportJobs() {
    }

    /**
     * The export of a binding, to set up further (priority, description) and delay. While it is
     * pending, the export of the same binding and fields returns it instead of a second job: it
     * sends the values the record has when it runs. Once it runs, a write makes a new one.
     */
    public static JobBuilder export(JobQueue queue, String backendId, String bindingModel, long bindingId,
            Collection<String> fields) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(fields == null ? List.of() : fields));
        return queue.job(EXPORT_RECORD)
                .args(Map.of("backend_id", backendId, "model", bindingModel, "binding_id", bindingId, "fields", sorted))
                .backend(backendId)
                .pendingIdentityKey(EXPORT_RECORD + " " + backendId + " " + bindingModel + " " + bindingId + " " + sorted)
                .description("Export " + bindingModel + " " + bindingId + (sorted.isEmpty() ? "" : " " + sorted)
                        + " to backend " + backendId);
    }

    /** The deletion of a remote record, once per backend, model and external id while pending. */
    public static JobBuilder delete(JobQueue queue, String backendId, String bindingModel, String externalId) {
        return queue.job(EXPORT_DELETE_RECORD)
                .args(Map.of("backend_id", backendId, "model", bindingModel, "external_id", externalId))
                .backend(backendId)
                .pendingIdentityKey(EXPORT_DELETE_RECORD + " " + backendId + " " + bindingModel + " " + externalId)
                .description("Delete " + bindingModel + " " + externalId + " on backend " + backendId);
    }

    /** The backend record's {@value #DELAY_OPTION} (0 to 3600 s), else {@link #DEFAULT_DELAY}. */
    public static Duration delay(BackendRecord backend) {
        return backend.option(DELAY_OPTION).map(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                if (seconds >= 0 && seconds <= MAX_DELAY_SECONDS) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + DELAY_OPTION + " '" + value
                    + "' is not a number of seconds from 0 to " + MAX_DELAY_SECONDS);
        }).orElse(DEFAULT_DELAY);
    }
}
