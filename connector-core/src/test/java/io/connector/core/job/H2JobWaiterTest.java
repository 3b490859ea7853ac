package io.connector.core.job;

import io.connector.core.store.TestDatabase;

class H2JobWaiterTest extends JobWaiterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
