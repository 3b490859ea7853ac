package io.connector.core.sync;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordListener;
import io.connector.api.store.StoreSession;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A record listener that delays exports, in the writer's transaction: the job exists if and only
 * if the write commits. It finds the job queue and the backend records when it first needs them,
 * not as DS references: the store activates its listeners while it starts, and the queue needs
 * the store, so a reference would be a cycle that Declarative Services resolves by leaving the
 * listener out.
 */
@ConsumerType
public abstract class AbstractExportListener implements RecordListener {

    private final Supplier<JobQueue> jobs;
    private final Supplier<BackendRecords> backends;

    /** In a bundle: the services are looked up through {@code context} at the first event. */
    protected AbstractExportListener(BundleContext context) {
        this(new LazyService<>(context, JobQueue.class), new LazyService<>(context, BackendRecords.class));
    }

    /** Outside OSGi (a unit test): the services given. */
    protected AbstractExportListener(Supplier<JobQueue> jobs, Supplier<BackendRecords> backends) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.backends = Objects.requireNonNull(backends, "backends");
    }

    protected final JobQueue jobs() {
        return jobs.get();
    }

    protected final BackendRecord backend(String backendId) {
        return backends.get().get(backendId);
    }

    /**
     * Delays the export of a binding's {@code fields} (empty: all) after the backend's
     * {@linkplain ExportJobs#delay export delay}; returns the job's uuid, or that of the same
     * export already pending.
     */
    protected final String delayExport(String backendId, String bindingModel, long bindingId, Collection<String> fields,
            int priority, String description) {
        BackendRecord backend = backend(backendId);
        var job = ExportJobs.export(jobs(), backend.id(), bindingModel, bindingId, fields).priority(priority)
                .after(ExportJobs.delay(backend));
        return (description == null ? job : job.description(description + " (backend " + backend.name() + ")")).delay();
    }

    /**
     * Delays the export of a binding's {@code fields} once this transaction commits, with every
     * other binding of the backend and model this listener is given meanwhile: one job per chunk
     * of the backend's {@linkplain ExportJobs#chunkSize chunk size} (one binding alone: an
     * ordinary export), after the export delay. A write of many records in one transaction (a
     * stock recomputed) is then a few jobs, each sent in as few round trips as the exporter can.
     */
    protected final void delayExportAtCommit(StoreSession session, String backendId, String bindingModel, long bindingId,
            Collection<String> fields, int priority) {
        Map<List<String>, java.util.Set<Long>> byFields = session.collectUntilCommit(
                "exports " + getClass().getName() + " " + backendId + " " + bindingModel, java.util.LinkedHashMap::new,
                collected -> delayChunks(backendId, bindingModel, collected, priority));
        byFields.computeIfAbsent(List.copyOf(new java.util.TreeSet<>(fields)), f -> new java.util.LinkedHashSet<>()).add(bindingId);
    }

    private void delayChunks(String backendId, String bindingModel, Map<List<String>, java.util.Set<Long>> byFields, int priority) {
        BackendRecord backend = backend(backendId);
        int size = ExportJobs.chunkSize(backend);
        Duration delay = ExportJobs.delay(backend);
        for (Map.Entry<List<String>, java.util.Set<Long>> entry : byFields.entrySet()) {
            List<Long> ids = List.copyOf(entry.getValue());
            for (int i = 0; i < ids.size(); i += size) {
                ExportJobs.exportChunk(jobs(), backend.id(), bindingModel, ids.subList(i, Math.min(ids.size(), i + size)),
                        entry.getKey()).priority(priority).after(delay).delay();
            }
        }
    }

    /** The bindings ({@code id}, {@code backend_id}, {@code external_id}) of local record {@code recordId}, on every backend. */
    protected static List<Map<String, Object>> bindingsOf(StoreSession session, String bindingModel, long recordId) {
        return session.query(bindingModel).where("record_id", "=", recordId).read("backend_id", "external_id");
    }

    /** A service looked up when first needed, and again once it went away (its bundle was updated). */
    static final class LazyService<T> implements Supplier<T> {

        private final BundleContext context;
        private final Class<T> type;
        private ServiceReference<T> reference;
        private T service;

        LazyService(BundleContext context, Class<T> type) {
            this.context = Objects.requireNonNull(context, "context");
            this.type = type;
        }

        @Override
        public synchronized T get() {
            if (service == null || reference.getBundle() == null) {
                ServiceReference<T> found = context.getServiceReference(type);
                T got = found == null ? null : context.getService(found);
                if (got == null) {
                    throw new ConnectorException("No " + type.getSimpleName() + " service is running: the export cannot be "
                            + "delayed (is the connector-jobs bundle active?)");
                }
                if (service != null) {
                    try {
                        context.ungetService(reference);
                    } catch (IllegalStateException stopped) {
                        // this bundle is stopping: the framework releases its services
                    }
                }
                reference = found;
                service = got;
            }
            return service;
        }
    }
}
