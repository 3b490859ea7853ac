package io.connector.jobs.internal;

import io.connector.store.testing.TestDatabase;

class PostgresJobQueueTest extends JobQueueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
