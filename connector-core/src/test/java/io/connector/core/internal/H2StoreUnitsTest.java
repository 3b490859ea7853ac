package io.connector.core.internal;

import io.connector.store.testing.TestDatabase;

class H2StoreUnitsTest extends StoreUnitsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
