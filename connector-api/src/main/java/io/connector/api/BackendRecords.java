package io.connector.api;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The configured backend records; the connector core registers it as a service. */
@ProviderType
public interface BackendRecords {

    Collection<BackendRecord> all();

    /** By name or by id. */
    Optional<BackendRecord> find(String nameOrId);

    /** Like {@link #find} but fails with an error that lists the configured backends. */
    BackendRecord get(String nameOrId) throws UnknownBackendException;
}
