package io.connector.jobs.internal;

import io.connector.store.testing.TestDatabase;

class PostgresJobWaiterTest extends JobWaiterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
