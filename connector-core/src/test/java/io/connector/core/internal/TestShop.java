package io.connector.core.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.UnknownBackendException;

/** A backend record of a test backend, and the backend records service that knows it alone. */
public record TestShop(String id, String name, Backend backend) implements BackendRecord {

    @Override
    public String location() {
        return "http://127.0.0.1:1";
    }

    @Override
    public String username() {
        return "";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.empty();
    }

    /** The backend records service of this record alone. */
    public BackendRecords records() {
        TestShop record = this;
        return new BackendRecords() {
            @Override
            public Collection<BackendRecord> all() {
                return List.of(record);
            }

            @Override
            public Optional<BackendRecord> find(String nameOrId) {
                return List.of(record.id(), record.name()).contains(nameOrId) ? Optional.of(record) : Optional.empty();
            }

            @Override
            public BackendRecord get(String nameOrId) {
                return find(nameOrId).orElseThrow(() -> new UnknownBackendException("No backend record '" + nameOrId
                        + "'; configured: " + record.name()));
            }
        };
    }
}
