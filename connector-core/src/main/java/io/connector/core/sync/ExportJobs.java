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
    /** backend_id, model (the binding model), binding_ids, fields: several bindings' export in one job. */
    public static final String EXPORT_CHUNK = "export_chunk";
    /** backend_id, model (the binding model), external_id. */
    public static final String EXPORT_DELETE_RECORD = "export_delete_record";
    /** A backend record's option: bindings per export job when many change in one transaction (1 to 1000). */
    public static final String CHUNK_OPTION = "export.chunk";
    /**
     * A Magento multiCall's default size: on the bench (docs/benchmarks.md) a chunk of 100 stock
     * updates is one round trip and one job where one record a job spent most of its time in the
     * queue's rows.
     */
    public static final int DEFAULT_CHUNK_SIZE = 100;
    private static final int MAX_CHUNK_SIZE = 1000;
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

    /**
     * The export of several bindings' {@code fields} in one job (of one binding: {@link #export}),
     * once per backend, model, bindings and fields while pending.
     */
    public static JobBuilder exportChunk(JobQueue queue, String backendId, String bindingModel, List<Long> bindingIds,
            Collection<String> fields) {
        if (bindingIds.size() == 1) {
            return export(queue, backendId, bindingModel, bindingIds.get(0), fields);
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(fields == null ? List.of() : fields));
        return queue.job(EXPORT_CHUNK)
                .args(Map.of("backend_id", backendId, "model", bindingModel, "binding_ids", List.copyOf(bindingIds), "fields", sorted))
                .backend(backendId)
                .pendingIdentityKey(EXPORT_CHUNK + " " + backendId + " " + bindingModel + " "
                        + AbstractBatchImporter.digest(bindingIds.stream().map(String::valueOf).toList()) + " " + sorted)
                .description("Export " + bindingIds.size() + " " + bindingModel + " (" + bindingIds.get(0) + " to "
                        + bindingIds.get(bindingIds.size() - 1) + ")" + (sorted.isEmpty() ? "" : " " + sorted) + " to backend "
                        + backendId);
    }

    /** The backend record's {@value #CHUNK_OPTION}, else {@value #DEFAULT_CHUNK_SIZE}. */
    public static int chunkSize(BackendRecord backend) {
        return backend.option(CHUNK_OPTION).map(value -> {
            try {
                int size = Integer.parseInt(value.trim());
                if (size >= 1 && size <= MAX_CHUNK_SIZE) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + CHUNK_OPTION + " '" + value
                    + "' is not a whole number from 1 to " + MAX_CHUNK_SIZE);
        }).orElse(DEFAULT_CHUNK_SIZE);
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
