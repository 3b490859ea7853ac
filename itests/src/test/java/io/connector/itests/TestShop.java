package io.connector.itests;

import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;

/**
 * A configured backend as Config Admin will provide it; enough to open environments. A class of
 * its own so that test classes load before the connector API is installed.
 */
record TestShop(Backend backend) implements BackendRecord {

    @Override
    public String id() {
        return "itest-" + backend.name();
    }

    @Override
    public String name() {
        return "Shop on " + backend.name();
    }

    @Override
    public String location() {
        return "http://127.0.0.1:1";
    }

    @Override
    public String username() {
        return "itest";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.empty();
    }
}
