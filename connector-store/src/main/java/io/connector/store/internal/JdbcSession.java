package io.connector.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.Query;
import io.connector.api.store.StoreSession;
import io.connector.api.store.StoreWork;
import io.connector.store.internal.JdbcQuery.RowReader;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.model.Models;

/**
 * The store in one JDBC transaction, as callers see it: each kind of work is done by its own
 * part (writes, reads, bindings, locks) on the transaction's statements. Not thread-safe: a
 * transaction belongs to one thread.
 */
final class JdbcSession implements StoreSession {

    private final StoreTransaction tx;
    private final boolean noExport;
    private final RecordWrites writes;
    private final RecordReads reads;

    JdbcSession(StoreTransaction tx, boolean noExport) {
        this.tx = tx;
        this.noExport = noExport;
        this.writes = new RecordWrites(this, tx);
        this.reads = new RecordReads(tx);
    }

    StoreTransaction transaction() {
        return tx;
    }

    Models models() {
        return tx.models;
    }

    @Override
    public StoreSession noExport() {
        return noExport ? this : new JdbcSession(tx, true);
    }

    @Override
    public boolean isNoExport() {
        return noExport;
    }

    @Override
    public <T> T inSavepoint(StoreWork<T> work) {
        return tx.inSavepoint(work, this);
    }

    @Override
    public <T> T withoutSavepoint(StoreWork<T> work) {
        return tx.withoutSavepoint(work, this);
    }

    @Override
    public long create(String model, Map<String, Object> values) {
        return writes.create(model, values);
    }

    /** A binding, unless another transaction bound its external id first: then -1 ({@link RecordWrites#create}). */
    long createUnlessBound(String bindingModel, Map<String, Object> values) {
        return writes.create(bindingModel, values, true);
    }

    @Override
    public void write(String model, long id, Map<String, Object> values) {
        write(model, List.of(id), values);
    }

    @Override
    public void write(String model, Collection<Long> ids, Map<String, Object> values) {
        writes.write(model, ids, values);
    }

    @Override
    public Optional<Map<String, Object>> read(String model, long id) {
        List<Map<String, Object>> rows = read(model, List.of(id), List.of());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public List<Map<String, Object>> read(String model, Collection<Long> ids, Collection<String> fields) {
        if (fields.size() == 1 && fields.contains(ModelDefinition.RECORD_ID) && !ids.isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Long id : new java.util.LinkedHashSet<>(ids)) {
                Long record = tx.boundRecord(model, id);
                if (record == null) {
                    return reads.read(model, ids, fields);
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("id", id);
                row.put(ModelDefinition.RECORD_ID, record);
                rows.add(row);
            }
            return rows;
        }
        return reads.read(model, ids, fields);
    }

    @Override
    public Query query(String model) {
        return new JdbcQuery(this, tx.models.require(model));
    }

    @Override
    public void delete(String model, long id) {
        writes.delete(model, id);
    }

    @Override
    public long upsertBinding(String bindingModel, String backendId, String externalId, Map<String, Object> values) {
        return new BindingUpserts(this, tx).upsert(bindingModel, backendId, externalId, values, true);
    }

    @Override
    public long createBinding(String bindingModel, String backendId, String externalId, Map<String, Object> values) {
        return new BindingUpserts(this, tx).upsert(bindingModel, backendId, externalId, values, false);
    }

    @Override
    public <T> T collectUntilCommit(String key, java.util.function.Supplier<T> create,
            java.util.function.Consumer<T> beforeCommit) {
        return tx.collect(key, create, beforeCommit);
    }

    @Override
    public boolean tryLock(String key) {
        return RecordLocks.tryLock(tx, key);
    }

    @Override
    public java.util.Set<String> tryLockAll(java.util.Collection<String> keys) {
        return RecordLocks.tryLockAll(tx, keys);
    }

    /** A model's field names, with those of the model it binds, for error messages. */
    List<String> fieldNames(ModelDefinition m) {
        List<String> names = new ArrayList<>(m.definitions().keySet());
        m.bindingOf().flatMap(tx.models::get).ifPresent(bound -> names.addAll(bound.definitions().keySet()));
        return names;
    }

    void select(String sql, List<Object> params, RowReader reader, String what) {
        tx.select(sql, params, reader, what);
    }
}
