package io.connector.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One configured backend: a shop or server the operator connects, of a declared {@link Backend}.
 */
@ProviderType
public interface BackendRecord {

    /** Stable identifier; survives restarts and renames. */
    String id();

    /** The operator's name for it. */
    String name();

    Backend backend();

    /** Where the remote system answers, e.g. a base URL. */
    String location();

    /** A configured option, e.g. a sale prefix. */
    Optional<String> option(String key);
}
