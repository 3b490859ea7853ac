package io.connector.store.internal;

import io.connector.store.testing.TestDatabase;

class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
