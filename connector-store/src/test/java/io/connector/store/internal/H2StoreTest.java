package io.connector.store.internal;

import io.connector.store.testing.TestDatabase;

class H2StoreTest extends StoreContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
