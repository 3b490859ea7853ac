package io.connector.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A kind of system the platform talks to: a service, a version and a parent, as declared by a
 * bundle. Units are looked up on a backend, then on its parent, up to the root.
 */
@ProviderType
public interface Backend {

    /** {@code service} for a root backend, {@code service/version} otherwise, e.g. {@code magento/1.7}. */
    String name();

    String service();

    /** Empty for a root backend. */
    String version();

    Optional<Backend> parent();

    /** This backend, then its parent, and so on up to the root. */
    List<Backend> chain();
}
