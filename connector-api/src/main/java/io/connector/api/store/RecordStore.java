package io.connector.api.store;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The local store, a service of the connector core over the {@code connector} DataSource. All
 * work happens in {@link #inTransaction transactions}; one started while another runs on the
 * same thread joins it, so a synchronizer spans a record and its dependencies with one commit.
 */
@ProviderType
public interface RecordStore {

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     * Joins the transaction already open on this thread, if any.
     */
    <T> T inTransaction(StoreWork<T> work);

    /**
     * Runs {@code work} in a transaction of its own, committed when it returns whatever becomes
     * of the transaction open on this thread, which waits meanwhile: for what must outlive the
     * caller's failure, e.g. a payment method first seen on an order that cannot be imported yet,
     * and the checkpoint that asks for its rule. The work must not touch rows the caller's
     * transaction wrote: it would wait for their locks until the database gives up.
     */
    <T> T inNewTransaction(StoreWork<T> work);

    /** The declared models, with the fields installed bundles give them. */
    Collection<ModelInfo> models();

    Optional<ModelInfo> model(String name);

    /**
     * What is wrong with the installed bundles' declarations (an extension of an unknown model,
     * a relation to a missing one, a field declared twice), one sentence each; empty when none.
     */
    java.util.List<String> modelProblems();
}
