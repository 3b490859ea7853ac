package io.connector.core.store;

class PostgresStoreTest extends StoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
