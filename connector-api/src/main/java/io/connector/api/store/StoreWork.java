package io.connector.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/** Work done in one store transaction. */
@ConsumerType
@FunctionalInterface
public interface StoreWork<T> {

    T run(StoreSession session) throws Exception;
}
