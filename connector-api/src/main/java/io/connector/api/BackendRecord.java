package io.connector.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One configured backend: a shop or server the operator connects, of a declared {@link Backend}.
 * Its {@link #password()} is for the backend adapter only: never log or print it.
 */
@ProviderType
public interface BackendRecord {

    /** Stable identifier; survives restarts and renames. */
    String id();

    /** The operator's name for it. */
    String name();

    /** The declared backend it is a record of; fails when no installed bundle declares it. */
    Backend backend() throws UnknownBackendException;

    /** Where the remote system answers, e.g. a base URL. */
    String location();

    String username();

    /** The API key or password. Never log or print it. */
    String password();

    /** A configured option, e.g. {@code sale.prefix}. */
    Optional<String> option(String key);
}
