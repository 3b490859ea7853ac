package io.connector.core.job;

import io.connector.core.store.TestDatabase;

class PostgresJobQueueTest extends JobQueueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
