package io.connector.store.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The record store's transactions, as JDBC. A bundle-scoped service: before a bundle gets it, the
 * store applies the migrations that bundle names in its {@link ConnectorSchema} header, so the
 * bundle's tables exist once its components have the service.
 */
@ProviderType
public interface SqlTransactions {

    /**
     * Runs {@code work} in the store transaction open on this thread, or in a new one that
     * commits when {@code work} returns and rolls back when it throws. The hook set with
     * {@link SqlTransaction#beforeStatements} runs first, as before any statement of the store.
     * An {@link java.sql.SQLException} comes back as an {@link io.connector.api.store.StoreException}.
     */
    <T> T inTransaction(SqlWork<T> work);

    /** The database the store runs on. */
    Database database();
}
