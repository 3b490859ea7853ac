package io.connector.core.job;

import io.connector.core.store.TestDatabase;

class PostgresJobWaiterTest extends JobWaiterContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
