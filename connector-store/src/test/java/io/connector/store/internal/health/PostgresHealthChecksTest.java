package io.connector.store.internal.health;

import io.connector.store.testing.TestDatabase;

class PostgresHealthChecksTest extends HealthChecksContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }

    @Override
    String product() {
        return "PostgreSQL";
    }
}
