package io.connector.jobs.internal;

import io.connector.store.testing.TestDatabase;

class H2JobQueueTest extends JobQueueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
