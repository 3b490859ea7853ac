package io.connector.store.spi;

import java.sql.Connection;

import io.connector.api.store.StoreSession;
import org.osgi.annotation.versioning.ProviderType;

/** One store transaction, seen from SQL. It belongs to the thread that runs it. */
@ProviderType
public interface SqlTransaction {

    /**
     * The transaction's connection: what is done on it commits or rolls back with the records.
     * Never commit, roll back (except to a savepoint of one's own) or close it.
     */
    Connection connection();

    /** The same transaction as a store session, for work on records. */
    StoreSession session();

    /** Runs {@code action} once this transaction has committed; never when it rolls back. */
    void afterCommit(Runnable action);

    /**
     * Runs {@code hook} before each statement that store work or {@link SqlTransactions} work
     * issues in this transaction, until it is replaced or cleared with null. The job queue sets a
     * savepoint this way just before a job's first statement, so that a job touching no table
     * costs none.
     */
    void beforeStatements(Runnable hook);

    /**
     * Lets the transaction commit again after work inside it failed (which dooms it) and was
     * rolled back to a savepoint by the caller.
     */
    void clearRollbackOnly();
}
