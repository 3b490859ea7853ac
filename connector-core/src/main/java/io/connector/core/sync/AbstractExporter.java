package io.connector.core.sync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.ConnectorException;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ExportMapper;
import io.connector.api.unit.Exporter;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MapRecord;
import io.connector.api.unit.MappingException;
import io.connector.api.unit.RemoteRecordNotFoundException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Exports one binding's record, as the reference's generic exporter does: lock the binding (held
 * by another export: retried soon, not counted), {@link #mustSkip}, when the remote record changed
 * after the binding's sync date queue its import, {@link #exportDependencies export what it
 * refers to} first, map it with the export mapper (only the changed {@code fields} when given),
 * create or update the remote record, bind the external id with a new sync date (no echo), then
 * {@link #afterExport}. All of it in the caller's store transaction (a job's).
 *
 * <p>The remote change is imported after the export, not before: an import first would overwrite
 * the very local changes being exported. Exporting the changed fields, then importing the
 * record (forced, in a job of its own that runs after this one commits), keeps both sides'
 * changes where they touch different fields, and the local one where they touch the same.
 *
 * <p>Exports that are not a record's create or update (an invoice to create once, a state to
 * send) override {@link #export}; they keep the lock, the dependencies and the bind.
 */
@ConsumerType
public abstract class AbstractExporter extends AbstractUnit implements Exporter {

    /** When an export that found its binding held by another export tries again. */
    static final Duration LOCKED_RETRY = Duration.ofSeconds(5);

    /** What {@link #export} did: the remote id to bind (null: nothing to bind) and what to say. */
    public record ExportResult(String externalId, String message) {

        public static ExportResult exported(String externalId, String message) {
            return new ExportResult(externalId, message);
        }

        /** Nothing was sent (nothing changed, already there); the binding keeps its sync date. */
        public static ExportResult nothing(String message) {
            return new ExportResult(null, message);
        }
    }

    /**
     * A binding locked and read, ready to export: its record, its external id (null: to create),
     * the fields to send, what to add to the result; or why it is skipped.
     */
    protected record Prepared(Map<String, Object> binding, String externalId, Collection<String> fields, String note,
            String skipped) {
    }

    @Override
    public String run(long bindingId, Collection<String> fields) {
        return environment().store().inTransaction(session -> {
            Prepared prepared = prepare(session, bindingId, fields);
            if (prepared.skipped() != null) {
                return prepared.skipped();
            }
            exportDependencies(session, prepared.binding());
            ExportResult result;
            try {
                result = export(session, prepared.binding(), prepared.externalId(), prepared.fields());
            } catch (RuntimeException e) {
                throw named(bindingId, prepared.externalId(), e);
            }
            return finish(session, bindingId, result) + prepared.note();
        });
    }

    /**
     * Locks the binding (and its record's import), reads it, asks {@link #mustSkip}, and looks at
     * the remote change date: the steps before the export itself, for one binding of a chunk too.
     */
    protected final Prepared prepare(StoreSession session, long bindingId, Collection<String> fields) {
        Collection<String> changed = fields == null ? List.of() : fields;
        lock(session, "export " + model() + " " + backendRecord().id() + " " + bindingId, bindingId);
        Map<String, Object> binding = session.read(model(), bindingId)
                .orElseThrow(() -> new NothingToDoException(describe(bindingId) + " no longer exists: nothing to export"));
        checkBackend(bindingId, binding);
        String externalId = text(binding.get("external_id"));
        if (externalId != null) {
            // An import of the same record must not run meanwhile: it would write what is being sent.
            lock(session, AbstractRecordImporter.lockKey(model(), backendRecord().id(), externalId), bindingId);
        }
        String skip = mustSkip(session, binding, changed);
        if (skip != null) {
            return new Prepared(binding, externalId, changed, "", skip);
        }
        String note = "";
        if (externalId != null && checksRemoteChanges()) {
            RemoteChange change = remoteChange(externalId, binding.get("sync_date"));
            if (change == RemoteChange.GONE) {
                // As the reference: the remote record was deleted, so it is created again.
                externalId = null;
                note = " (it was gone from backend " + backendRecord().name() + ")";
            } else if (change == RemoteChange.CHANGED) {
                importAfter(externalId);
                note = "; it had changed remotely since it was last synchronized: its import follows";
            }
        }
        return new Prepared(binding, externalId, externalId == null ? List.of() : changed, note, null);
    }

    /** Binds what {@link #export} sent (a new sync date, no echo), runs {@link #afterExport}; the result's message. */
    protected final String finish(StoreSession session, long bindingId, ExportResult result) {
        if (result.externalId() != null) {
            environment().binder().bind(result.externalId(), bindingId);
        }
        afterExport(session, bindingId, result);
        return result.message();
    }

    /** An export's failure, as its job shows it: bad data and a record gone remotely name the binding. */
    protected final RuntimeException named(long bindingId, String externalId, RuntimeException e) {
        if (e instanceof MappingException || e instanceof InvalidDataException) {
            return new InvalidDataException(describe(bindingId) + ": " + e.getMessage());
        }
        if (e instanceof RemoteRecordNotFoundException) {
            // The remote system's words name its method and id only: say which binding it was.
            return new ConnectorException(describe(bindingId) + (externalId == null ? "" : ", remote id " + externalId) + ": "
                    + e.getMessage(), e);
        }
        return e;
    }

    private void lock(StoreSession session, String key, long bindingId) {
        if (!session.tryLock(key)) {
            throw new RetryableJobException(describe(bindingId) + " is being exported or imported by another job; "
                    + "this export is retried in " + LOCKED_RETRY.toSeconds() + " s", LOCKED_RETRY, true);
        }
    }

    private void checkBackend(long bindingId, Map<String, Object> binding) {
        Object backend = binding.get("backend_id");
        if (backend != null && !backend.equals(backendRecord().id())) {
            throw new ConnectorException(describe(bindingId) + " belongs to another backend record (" + backend
                    + "), not to " + backendRecord().name());
        }
    }

    /** e.g. "magento.res.partner 12 (backend shop)". */
    protected final String describe(long bindingId) {
        return model() + " " + bindingId + " (backend " + backendRecord().name() + ")";
    }

    /** A reason not to export the binding (it becomes the job's result), or null. */
    protected String mustSkip(StoreSession session, Map<String, Object> binding, Collection<String> fields) {
        return null;
    }

    /** Whether to look at the remote record's change date before exporting; exports that only create say no. */
    protected boolean checksRemoteChanges() {
        return true;
    }

    enum RemoteChange { NONE, CHANGED, GONE }

    private RemoteChange remoteChange(String externalId, Object syncDate) {
        String field = updatedAtField();
        if (field == null) {
            return RemoteChange.NONE;
        }
        Map<String, Object> remote;
        try {
            remote = unit(BackendAdapter.class).read(externalId, List.of(field));
        } catch (RemoteRecordNotFoundException e) {
            return RemoteChange.GONE;
        }
        LocalDateTime changed;
        try {
            changed = RemoteDates.utc(remote.get(field));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(model() + " " + externalId + " of backend " + backendRecord().name() + ": " + field
                    + ": " + e.getMessage());
        }
        if (changed == null) {
            return RemoteChange.NONE;
        }
        return !(syncDate instanceof LocalDateTime synced) || synced.isBefore(changed) ? RemoteChange.CHANGED : RemoteChange.NONE;
    }

    /** The remote field holding the record's last change; null to never look. */
    protected String updatedAtField() {
        return "updated_at";
    }

    /** Queues the forced import of the remote record, in this transaction: it runs once the export committed. */
    protected void importAfter(String externalId) {
        environment().jobs().job(AbstractBatchImporter.IMPORT_RECORD)
                .args(Map.of("backend_id", backendRecord().id(), "model", model(), "external_id", externalId, "force", true))
                .backend(backendRecord().id()).identityKey(AbstractBatchImporter.IMPORT_RECORD + " forced " + backendRecord().id()
                        + " " + model() + " " + externalId)
                .description("Import " + model() + " " + externalId + " from " + backendRecord().name()
                        + ", changed there while it was exported").delay();
    }

    /** Exports the records this one refers to first ({@link #exportDependency}); nothing by default. */
    protected void exportDependencies(StoreSession session, Map<String, Object> binding) {
    }

    /**
     * The binding on this backend of local record {@code recordId} in {@code bindingModel},
     * created when there is none (with {@code values}, no echo), and exported now when it has
     * no external id yet: what a record refers to exists remotely before the record is sent.
     */
    protected final long exportDependency(StoreSession session, long recordId, String bindingModel, Map<String, Object> values) {
        Optional<Long> found = session.query(bindingModel).where("backend_id", "=", backendRecord().id())
                .where("record_id", "=", recordId).ids().stream().findFirst();
        long bindingId;
        if (found.isPresent()) {
            bindingId = found.get();
        } else {
            Map<String, Object> created = new HashMap<>(values == null ? Map.of() : values);
            created.put("backend_id", backendRecord().id());
            created.put("record_id", recordId);
            try {
                bindingId = session.noExport().create(bindingModel, created);
            } catch (StoreException e) {
                throw new StoreException(model() + " (backend " + backendRecord().name() + "): cannot bind record " + recordId
                        + " it refers to as " + bindingModel + ": " + e.getMessage(), e);
            }
        }
        Object externalId = session.read(bindingModel, List.of(bindingId), List.of("external_id")).stream().findFirst()
                .map(row -> row.get("external_id")).orElse(null);
        if (externalId == null) {
            unit(Exporter.class, bindingModel).run(bindingId, List.of());
        }
        return bindingId;
    }

    /**
     * Sends the binding: by default its record mapped with the {@link ExportMapper} (the changed
     * {@code fields} only, all of them for a create), created remotely when it has no external id,
     * else updated; nothing is sent when the mapper gives nothing for the changed fields.
     */
    protected ExportResult export(StoreSession session, Map<String, Object> binding, String externalId, Collection<String> fields) {
        boolean create = externalId == null;
        MapRecord record = mapper().mapRecord(binding);
        Map<String, Object> data = record.values(create, fields, mapOptions());
        long bindingId = ((Number) binding.get("id")).longValue();
        if (create) {
            String created = createRemote(data);
            if (created == null || created.isBlank()) {
                throw new ConnectorException(describe(bindingId) + ": backend " + backendRecord().name()
                        + " answered no id to the create");
            }
            return ExportResult.exported(created, "Created " + describe(bindingId) + " as " + created);
        }
        if (data.isEmpty()) {
            return ExportResult.nothing("Nothing to export for " + describe(bindingId) + " (changed: " + fields + ")");
        }
        updateRemote(externalId, data);
        return ExportResult.exported(externalId, "Updated " + externalId + " from " + describe(bindingId)
                + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")"));
    }

    protected ExportMapper mapper() {
        return unit(ExportMapper.class);
    }

    /** Custom options the mapper reads (MapContext.option). */
    protected Map<String, Object> mapOptions() {
        return Map.of();
    }

    /** Creates the remote record; its id. */
    protected String createRemote(Map<String, Object> data) {
        return unit(BackendAdapter.class).create(data);
    }

    protected void updateRemote(String externalId, Map<String, Object> data) {
        unit(BackendAdapter.class).write(externalId, data);
    }

    protected void afterExport(StoreSession session, long bindingId, ExportResult result) {
    }

    /** A value as text, null for null or blank. */
    protected static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
