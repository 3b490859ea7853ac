package io.connector.jobs.internal;

import io.connector.store.testing.TestDatabase;

class H2JobWaiterTest extends JobWaiterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
