package io.connector.store.internal;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.StoreException;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.spi.Database;
import io.connector.store.spi.Sql;

/**
 * A binding created or updated in one step, whatever imports race: the unique index on
 * (backend, external id) decides, and the loser's insert becomes an update of the winner's row.
 */
final class BindingUpserts {

    private final JdbcSession session;
    private final StoreTransaction tx;

    BindingUpserts(JdbcSession session, StoreTransaction tx) {
        this.session = session;
        this.tx = tx;
    }

    /** With {@code lookFirst}, an existing binding is found and updated; without, the insert comes first. */
    long upsert(String bindingModel, String backendId, String externalId, Map<String, Object> values, boolean lookFirst) {
        ModelDefinition m = tx.models.require(bindingModel);
        if (m.bindingOf().isEmpty() && !(m.definitions().containsKey(ModelDefinition.BACKEND_ID)
                && m.definitions().containsKey(ModelDefinition.EXTERNAL_ID))) {
            throw new StoreException(bindingModel + " is not a binding model: it binds no model and has no backend_id "
                    + "and external_id");
        }
        boolean stampsSync = m.definitions().containsKey(ModelDefinition.SYNC_DATE);
        if (backendId == null || externalId == null) {
            throw new StoreException("A binding of " + bindingModel + " needs a backend id and an external id");
        }
        Map<String, Object> withSync = new LinkedHashMap<>(values);
        if (stampsSync) {
            withSync.put(ModelDefinition.SYNC_DATE, Sql.now());
        }
        Optional<Long> existing = lookFirst ? find(bindingModel, backendId, externalId) : Optional.empty();
        if (existing.isPresent()) {
            session.write(bindingModel, existing.get(), withSync);
            return existing.get();
        }
        Map<String, Object> created = new LinkedHashMap<>(withSync);
        created.put(ModelDefinition.BACKEND_ID, backendId);
        created.put(ModelDefinition.EXTERNAL_ID, externalId);
        if (tx.database == Database.POSTGRESQL && m.bindingOf().isPresent()) {
            // No savepoint: on PostgreSQL each is two more round trips, and past 64 in a
            // transaction its subtransactions overflow what every snapshot can keep in memory.
            long id = session.createUnlessBound(bindingModel, created);
            if (id >= 0) {
                return id;
            }
            return updateWinner(bindingModel, backendId, externalId, withSync, null);
        }
        Savepoint savepoint;
        tx.beforeStatement();
        try {
            savepoint = tx.connection.setSavepoint();
        } catch (SQLException e) {
            throw StoreTransaction.failure("bind " + bindingModel + " " + externalId, e);
        }
        try {
            long id = session.create(bindingModel, created);
            release(savepoint);
            return id;
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !Database.isUniqueViolation(sql)) {
                throw e;
            }
            rollback(savepoint);
            return updateWinner(bindingModel, backendId, externalId, withSync, e);
        }
    }

    /** Another transaction bound the same external id first: ours becomes an update of it. */
    private long updateWinner(String bindingModel, String backendId, String externalId, Map<String, Object> values,
            StoreException lost) {
        long id = find(bindingModel, backendId, externalId).orElseThrow(() -> lost != null ? lost
                : new StoreException("Cannot bind " + bindingModel + " " + externalId + " of backend " + backendId
                        + ": another transaction bound it and its binding is gone"));
        session.write(bindingModel, id, values);
        return id;
    }

    private Optional<Long> find(String bindingModel, String backendId, String externalId) {
        return session.query(bindingModel).where(ModelDefinition.BACKEND_ID, "=", backendId)
                .where(ModelDefinition.EXTERNAL_ID, "=", externalId).first();
    }

    private void release(Savepoint savepoint) {
        try {
            tx.connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            // Releasing is an optimisation; the savepoint ends with the transaction anyway.
        }
    }

    private void rollback(Savepoint savepoint) {
        try {
            tx.connection.rollback(savepoint);
            tx.forgets++;
        } catch (SQLException e) {
            throw StoreTransaction.failure("roll back to a savepoint", e);
        }
    }
}
