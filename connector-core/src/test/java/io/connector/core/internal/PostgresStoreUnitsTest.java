package io.connector.core.internal;

import io.connector.store.testing.TestDatabase;

class PostgresStoreUnitsTest extends StoreUnitsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
