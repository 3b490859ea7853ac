package io.connector.core.job;

import io.connector.core.store.TestDatabase;

class H2JobQueueTest extends JobQueueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
