package io.connector.api.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The store within one transaction. Values are plain maps: text as {@code String}, integers as
 * {@code Long}, decimals as {@code BigDecimal}, dates as {@code LocalDate}, datetimes (UTC) as
 * {@code LocalDateTime}, many-to-one as the related id ({@code Long}), one-to-many and
 * many-to-many as lists of ids. Writes accept the same, or ISO text for dates and numbers.
 *
 * <p>A bound model (e.g. {@code magento.res.partner}) also reads and writes the fields of the
 * local record it binds (e.g. {@code res.partner}): creating a binding creates that record.
 *
 * <p>Bad input (unknown model or field, a value of the wrong type, a missing required value, a
 * relation to a missing record) throws a {@link StoreException} that names the model, the field
 * and the value, and leaves the transaction to be rolled back.
 */
@ProviderType
public interface StoreSession {

    /** Creates a record and returns its id. */
    long create(String model, Map<String, Object> values);

    void write(String model, long id, Map<String, Object> values);

    void write(String model, Collection<Long> ids, Map<String, Object> values);

    /** All fields of a record, with {@code id}; empty when there is none with that id. */
    Optional<Map<String, Object>> read(String model, long id);

    /** The given fields (all when empty) of the records, in the order of {@code ids}; missing ones are left out. */
    List<Map<String, Object>> read(String model, Collection<Long> ids, Collection<String> fields);

    /** A search on a model, built up then run. */
    Query query(String model);

    void delete(String model, long id);

    /**
     * This session, with its writes marked "no export" in the events they fire: what importers
     * and binders use so that an import does not echo back as an export.
     */
    StoreSession noExport();

    boolean isNoExport();

    /**
     * Locks {@code key} (e.g. {@code "import magento.res.partner b1 136"}) until this transaction
     * ends; false, at once, when another transaction holds it: the caller retries later rather
     * than wait (two synchronizations of one record must not overlap).
     */
    boolean tryLock(String key);

    /**
     * {@link #tryLock} for many keys in one statement: those this transaction now holds, the
     * others left to their holders. A chunk of records takes its locks so, not one round trip a
     * record.
     */
    java.util.Set<String> tryLockAll(java.util.Collection<String> keys);

    /**
     * Runs {@code work} in a savepoint of this transaction. When it throws, what it did (records,
     * bindings, locks, jobs delayed) is rolled back alone, the exception reaches the caller, and
     * the transaction goes on and can commit; when it returns, its work stays with the
     * transaction. How a chunk of records is imported one record at a time in one transaction.
     */
    <T> T inSavepoint(StoreWork<T> work);

    /**
     * Runs {@code work} as {@link #inSavepoint} would, but without a savepoint, which on
     * PostgreSQL costs two round trips. When it throws before it changed anything in the database
     * (its data refused, a lock held elsewhere), what it did to the transaction is undone as
     * {@code inSavepoint} undoes it and its exception reaches the caller. When it throws after, or
     * one of its statements failed, it throws {@link SavepointNeededException} and leaves the
     * transaction to be rolled back: the caller rolls back to a savepoint set before (an
     * enclosing {@code inSavepoint}) and runs the work again in savepoints. How a chunk of records
     * goes when none fails after writing.
     */
    <T> T withoutSavepoint(StoreWork<T> work);

    /**
     * The object this transaction keeps under {@code key}, made by {@code create} the first time
     * it is asked for; {@code beforeCommit} then runs with it once, just before the transaction
     * commits (never when it rolls back), in the transaction: what it writes or delays commits
     * with the rest, and its failure rolls everything back. How a listener that hears many records
     * in one transaction acts on them together, e.g. one export job per chunk of them. What work
     * undone by a savepoint added stays: act on what the store holds then.
     */
    <T> T collectUntilCommit(String key, java.util.function.Supplier<T> create, java.util.function.Consumer<T> beforeCommit);

    /**
     * Creates or updates the binding of {@code externalId} on a backend record, atomically:
     * two concurrent calls for the same (backend, external id) end with one binding. Sets the
     * sync date. Returns the binding id.
     */
    long upsertBinding(String bindingModel, String backendId, String externalId, Map<String, Object> values);

    /**
     * {@link #upsertBinding} for a binding this transaction has just found missing (looked up
     * under the record's lock, or the address of a customer that was itself new): the binding
     * goes in without being looked up again. Should another transaction have bound the same
     * (backend, external id) meanwhile, that binding is updated instead, as by
     * {@link #upsertBinding}; only the order of the work differs: an insert first, which saves
     * a statement when the binding is new and costs some when it is not. Returns the binding id.
     */
    long createBinding(String bindingModel, String backendId, String externalId, Map<String, Object> values);
}
