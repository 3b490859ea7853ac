package io.connector.core.store;

class H2StoreTest extends StoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
