package io.connector.api;

import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The backends declared by the installed bundles; the connector core registers it as a service. */
@ProviderType
public interface Backends {

    Collection<Backend> all();

    /** By {@link Backend#name()}, e.g. {@code magento/1.7}. */
    Optional<Backend> find(String name);

    /** Like {@link #find} but fails with an error that lists the known backends. */
    Backend get(String name) throws UnknownBackendException;
}
