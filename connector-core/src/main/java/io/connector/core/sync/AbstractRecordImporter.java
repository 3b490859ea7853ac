package io.connector.core.sync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.connector.api.Checkpoints;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.SavepointNeededException;
import io.connector.api.store.StoreConflictException;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreSession;
import io.connector.api.store.StoreWork;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MapRecord;
import io.connector.api.unit.MappingException;
import io.connector.api.unit.RecordImporter;
import io.connector.api.unit.RemoteRead;
import io.connector.api.unit.RemoteRecordNotFoundException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Imports one remote record, as the reference does: read it (gone remotely: nothing to do),
 * {@link #mustSkip}, skip it when the binding is newer than the remote change (unless forced),
 * lock it (or retry later), {@link #beforeImport}, import what it depends on first, map it,
 * create or update the binding and its record, bind, {@link #afterImport}. All of it in the
 * caller's store transaction (a job's), so that a record and its dependencies commit together.
 * {@link #runChunk} does the same for many records in one transaction, each landing or rolled
 * back alone.
 */
@ConsumerType
public abstract class AbstractRecordImporter extends AbstractUnit implements RecordImporter {

    /** When a job finding the record locked by another job tries again. */
    static final Duration LOCKED_RETRY = Duration.ofSeconds(1);

    /**
     * In a chunk, the dependencies known bound: those of the records that landed so far, and
     * those the current record resolved, kept once it lands (a rolled-back record's are not).
     * Null outside a chunk. A unit instance belongs to one environment, one job's thread.
     */
    private Set<String> resolved;
    private Set<String> resolving;
    /**
     * In a chunk, the records whose locks the chunk took together, and the bindings it looked up
     * for them together once it held them (absent: none then); each lookup answers once, for the
     * record's own turn. Null outside a chunk.
     */
    private Set<String> chunkLocked;
    private Map<String, Optional<Long>> chunkBindings;
    /** What the current record's import wants said beside its outcome ({@link #note}). */
    private List<String> notes = new ArrayList<>();
    /** Whether the current record had no binding ({@link #createdNow}). */
    private boolean createdNow;

    /**
     * Put between a record's outcome and its {@link #note notes} in its result: {@code "Created
     * magento.product.product 12 of backend shop. Note: ..."}; a chunk's summary repeats the
     * notes after it.
     */
    public static final String NOTE = ". Note: ";

    /** Another job holds the record: the only retryable failure that is the record's own. */
    static final class RecordLockedException extends RetryableJobException {
        private static final long serialVersionUID = 1L;

        RecordLockedException(String message) {
            super(message, LOCKED_RETRY, true);
        }
    }

    @Override
    public String run(String externalId, boolean force) {
        return environment().store().inTransaction(session -> {
            Map<String, Object> remote;
            try {
                remote = read(externalId);
            } catch (RemoteRecordNotFoundException e) {
                throw new NothingToDoException(gone(e));
            }
            return importRecord(session, externalId, remote, force);
        });
    }

    /**
     * Reads the chunk's records together ({@link BackendAdapter#readMany}), lets a subclass read
     * what they all need ({@link #prefetch}), takes their locks and looks up their bindings
     * together, then imports each on its own ({@link StoreSession#withoutSavepoint}, or in a
     * savepoint each once one failed after writing). The records they depend on are looked up
     * once for the chunk. A record that fails, that another job
     * holds, or whose statement the database ended to resolve a deadlock, is rolled back alone and
     * named in the result, for the caller to import it alone; a failure that is not the record's
     * (the shop unreachable, its answers broken) fails the whole chunk, retried as a whole.
     */
    @Override
    public ChunkResult runChunk(List<String> externalIds, boolean force) {
        return environment().store().inTransaction(session -> importChunk(session, externalIds, force));
    }

    private ChunkResult importChunk(StoreSession session, List<String> externalIds, boolean force) {
        Map<String, String> imported = new LinkedHashMap<>();
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        Map<String, Map<String, Object>> remotes = new LinkedHashMap<>();
        for (RemoteRead read : readMany(externalIds)) {
            if (read.failure() instanceof RemoteRecordNotFoundException gone) {
                imported.put(read.id(), gone(gone));
            } else if (read.failure() != null) {
                failed.put(read.id(), read.failure());
            } else {
                remotes.put(read.id(), read.record());
            }
        }
        // Each record without a savepoint first, in one for the chunk: two round trips a record
        // fewer on PostgreSQL. A record that fails after it wrote cannot be rolled back alone
        // that way: the chunk's work is rolled back and done again, a savepoint a record.
        Map<String, String> landed = new LinkedHashMap<>(imported);
        Map<String, RuntimeException> refused = new LinkedHashMap<>(failed);
        try {
            session.inSavepoint(s -> importRecords(s, remotes, force, landed, refused, false));
            return new ChunkResult(landed, refused);
        } catch (SavepointNeededException e) {
            importRecords(session, remotes, force, imported, failed, true);
            return new ChunkResult(imported, failed);
        }
    }

    /** The chunk's records, each landing or failing on its own, in a savepoint each or in none. */
    private Void importRecords(StoreSession session, Map<String, Map<String, Object>> remotes, boolean force,
            Map<String, String> imported, Map<String, RuntimeException> failed, boolean savepoints) {
        resolved = new HashSet<>();
        resolving = new HashSet<>();
        try {
            lockAndLookUp(session, remotes.keySet());
            prefetch(session, List.copyOf(remotes.values()));
            for (Map.Entry<String, Map<String, Object>> entry : remotes.entrySet()) {
                resolving = new HashSet<>();
                StoreWork<String> work = s -> importRecord(s, entry.getKey(), entry.getValue(), force);
                try {
                    imported.put(entry.getKey(), savepoints ? session.inSavepoint(work) : session.withoutSavepoint(work));
                    resolved.addAll(resolving);
                } catch (SavepointNeededException e) {
                    throw e;
                } catch (NothingToDoException e) {
                    imported.put(entry.getKey(), e.getMessage());
                } catch (RetryableJobException e) {
                    // Held by another job, chosen by the database to end a deadlock with another
                    // transaction (chunks hold their rows' locks until they commit), or waiting for
                    // a rule: the record's own, retried alone. Anything else retryable is the chunk's.
                    if (!(e instanceof RecordLockedException) && !(e instanceof StoreConflictException)
                            && !(e instanceof RecordWaitsException)) {
                        throw e;
                    }
                    failed.put(entry.getKey(), e);
                } catch (RuntimeException e) {
                    failed.put(entry.getKey(), e);
                }
            }
        } finally {
            resolved = null;
            resolving = null;
            chunkLocked = null;
            chunkBindings = null;
        }
        return null;
    }

    /**
     * The chunk's record locks in one statement, then the bindings of those it holds in one
     * lookup: two round trips for the chunk, not two a record. Taken outside the records'
     * savepoints, the locks stay held when a record rolls back. A binding looked up before the
     * lock could be created meanwhile by another job: only the held records' are.
     */
    private void lockAndLookUp(StoreSession session, java.util.Collection<String> externalIds) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String externalId : externalIds) {
            byKey.put(lockKey(model(), backendRecord().id(), externalId), externalId);
        }
        chunkLocked = new HashSet<>();
        for (String key : session.tryLockAll(byKey.keySet())) {
            chunkLocked.add(byKey.get(key));
        }
        Map<String, Long> found = environment().binder().toInternal(chunkLocked);
        chunkBindings = new HashMap<>();
        for (String externalId : chunkLocked) {
            chunkBindings.put(externalId, Optional.ofNullable(found.get(externalId)));
        }
    }

    /**
     * The record's binding: the chunk's lookup, unless the record was imported meanwhile as
     * another's dependency, or the binder's.
     */
    private Optional<Long> bindingOf(String externalId) {
        Optional<Long> looked = chunkBindings == null ? null : chunkBindings.remove(externalId);
        String key = model() + " " + externalId;
        if (looked != null && !resolved.contains(key) && !resolving.contains(key)) {
            return looked;
        }
        return environment().binder().toInternal(externalId);
    }

    /** The result of a record gone remotely: nothing to do. */
    private static String gone(RemoteRecordNotFoundException e) {
        return "Record no longer exists: " + e.getMessage();
    }

    private String importRecord(StoreSession session, String externalId, Map<String, Object> remote, boolean force) {
        notes = new ArrayList<>();
        String skip = mustSkip(remote);
        if (skip != null) {
            return skip;
        }
        // Locked before the binding is looked up, so that two jobs cannot both see none and both create.
        boolean chunkHolds = chunkLocked != null && chunkLocked.contains(externalId);
        if (!chunkHolds && !session.tryLock(lockKey(model(), backendRecord().id(), externalId))) {
            // The other job holds it for one record's import, usually milliseconds: children of a
            // tree imported at once (categories whose parent another worker is importing) meet this
            // all the time, and a long pause would stall the whole import. Not counted as a try.
            throw new RecordLockedException(describe(externalId) + " is being imported by another job");
        }
        Binder binder = environment().binder();
        Optional<Long> binding = bindingOf(externalId);
        if (!force && binding.isPresent() && isUpToDate(session, externalId, binding.get(), remote)) {
            return "Already up to date: " + describe(externalId);
        }
        beforeImport(session, remote);
        importDependencies(session, remote);
        long id;
        try {
            MapRecord record = map(session, externalId, remote);
            if (binding.isPresent()) {
                id = binding.get();
                session.noExport().write(model(), id, record.values(false, List.of(), mapOptions()));
                binder.bind(externalId, id);
            } else {
                id = create(session, externalId, record.values(true, List.of(), mapOptions()));
            }
        } catch (MappingException | InvalidDataException e) {
            throw new InvalidDataException(describe(externalId) + ": " + e.getMessage());
        } catch (StoreException e) {
            throw new StoreException(describe(externalId) + ": " + e.getMessage(), e);
        }
        createdNow = binding.isEmpty();
        afterImport(session, id, remote);
        return (binding.isPresent() ? "Updated " : "Created ") + describe(externalId)
                + (notes.isEmpty() ? "" : NOTE + String.join("; ", notes));
    }

    /**
     * Whether the record {@link #afterImport} is called for was created by this import (it had no
     * binding), rather than updated: what hangs under a new record (its addresses, its lines) is
     * new too, as a rule, and can be created without being looked up first.
     */
    protected final boolean createdNow() {
        return createdNow;
    }

    /**
     * Whether a chunk is being imported ({@link #runChunk}): what {@link #prefetch} read for it
     * holds for its records, and for no other import.
     */
    protected final boolean inChunk() {
        return resolved != null;
    }

    /**
     * Says something about the record being imported in its result, after its outcome: what was
     * left out of it and why (an image missing in the shop), for an operator to read. Only a
     * record that lands says its notes.
     */
    protected final void note(String text) {
        notes.add(text);
    }

    /** The lock a record's import holds, and its export takes too: the two must not overlap. */
    static String lockKey(String model, String backendId, String externalId) {
        return "import " + model + " " + backendId + " " + externalId;
    }

    /** e.g. "magento.res.partner 136 of backend shop1". */
    protected final String describe(String externalId) {
        return model() + " " + externalId + " of backend " + backendRecord().name();
    }

    /** The remote record; the adapter throws {@link RemoteRecordNotFoundException} when it is gone. */
    protected Map<String, Object> read(String externalId) {
        return unit(BackendAdapter.class).read(externalId, List.of());
    }

    /** The records of a chunk, each read or failed; in as few round trips as the adapter can. */
    protected List<RemoteRead> readMany(List<String> externalIds) {
        return unit(BackendAdapter.class).readMany(externalIds, List.of());
    }

    /**
     * Reads at once what each record of a chunk will need (its lines, its addresses), before the
     * records are imported one by one; nothing by default. A failure here fails the chunk.
     */
    protected void prefetch(StoreSession session, List<Map<String, Object>> remotes) {
    }

    /** A reason not to import the record (it becomes the job's result), or null. */
    protected String mustSkip(Map<String, Object> remote) {
        return null;
    }

    /** The remote field holding the record's last change, for the up-to-date check; null for none. */
    protected String updatedAtField() {
        return "updated_at";
    }

    /** Up to date: the remote record changed before the binding was last synchronized. */
    protected boolean isUpToDate(StoreSession session, String externalId, long bindingId, Map<String, Object> remote) {
        String field = updatedAtField();
        if (field == null) {
            return false;
        }
        LocalDateTime changed;
        try {
            changed = RemoteDates.utc(remote.get(field));
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException(describe(externalId) + ": " + field + ": " + e.getMessage());
        }
        Object synced = session.read(model(), List.of(bindingId), List.of("sync_date")).stream().findFirst()
                .map(row -> row.get("sync_date")).orElse(null);
        return changed != null && synced instanceof LocalDateTime syncDate && changed.isBefore(syncDate);
    }

    protected void beforeImport(StoreSession session, Map<String, Object> remote) {
    }

    /** Imports the records this one refers to, when they have no binding yet ({@link #importDependency}). */
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
    }

    /** Imports a related record now, in this transaction, unless it is bound already (or {@code always}). */
    protected final void importDependency(String externalId, String bindingModel, boolean always) {
        if (externalId == null || externalId.isBlank()) {
            return;
        }
        String key = bindingModel + " " + externalId;
        if (!always && resolved != null && resolved.contains(key)) {
            return;
        }
        if (always || environment().binder(bindingModel).toInternal(externalId).isEmpty()) {
            unit(RecordImporter.class, bindingModel).run(externalId, false);
        }
        if (resolving != null) {
            resolving.add(key);
        }
    }

    protected final void importDependency(String externalId, String bindingModel) {
        importDependency(externalId, bindingModel, false);
    }

    /** The record mapped, after its dependencies: by default the remote record as read, by {@link #mapper}. */
    protected MapRecord map(StoreSession session, String externalId, Map<String, Object> remote) {
        return mapper().mapRecord(remote);
    }

    protected ImportMapper mapper() {
        return unit(ImportMapper.class);
    }

    /** Custom options the mapper reads (MapContext.option). */
    protected Map<String, Object> mapOptions() {
        return Map.of();
    }

    /**
     * Creates the binding (and the record it binds), which {@link #run} found missing under the
     * record's lock; returns the binding id.
     */
    protected long create(StoreSession session, String externalId, Map<String, Object> values) {
        return session.noExport().createBinding(model(), backendRecord().id(), externalId, values);
    }

    protected void afterImport(StoreSession session, long bindingId, Map<String, Object> remote) {
    }

    /**
     * Asks an operator to review {@code model} record {@code recordId} (null for none), in this
     * import's transaction: it is there if the record lands ({@code connector:checkpoints}).
     */
    protected final long checkpoint(StoreSession session, String model, Long recordId, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("backend_id", backendRecord().id());
        values.put("model", model);
        values.put("record_id", recordId);
        values.put("message", message);
        return session.create(Checkpoints.MODEL, values);
    }
}
