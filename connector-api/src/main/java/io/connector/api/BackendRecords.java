package io.connector.api;

import java.util.Collection;
import java.util.Map;
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

    /*
     * The two changes have defaults for the sets of records that are fixed (a test's, a tool's);
     * the connector core's records are configurations and take both.
     */

    /**
     * Configures a new backend record, sealing its password; returns it once it is active.
     *
     * @param backend a declared backend's name, e.g. {@code magento/1.7}
     * @param options further settings, e.g. {@code sale.prefix}
     * @throws IllegalArgumentException naming what is wrong: the name, a name already taken, the location, an option
     * @throws UnknownBackendException when no installed bundle declares {@code backend}
     */
    default BackendRecord add(String name, String backend, String location, String username, String password,
            Map<String, String> options) {
        throw new UnsupportedOperationException("These backend records are fixed: " + getClass().getName());
    }

    /** Removes a backend record's configuration; its bindings stay, keyed by its id. Returns what was removed. */
    default BackendRecord remove(String nameOrId) throws UnknownBackendException {
        throw new UnsupportedOperationException("These backend records are fixed: " + getClass().getName());
    }
}
