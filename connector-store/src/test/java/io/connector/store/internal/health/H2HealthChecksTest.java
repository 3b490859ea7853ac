package io.connector.store.internal.health;

import io.connector.store.testing.TestDatabase;

class H2HealthChecksTest extends HealthChecksContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @Override
    String product() {
        return "H2";
    }
}
