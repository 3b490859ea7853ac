package io.connector.core.internal.resolver;

import java.util.Objects;

/**
 * A backend as a bundle declared it, before the parent name is linked to a backend.
 *
 * @param parent    the parent backend's name; empty for a root
 * @param bundle    the declaring bundle, for diagnostics
 * @param serviceId orders two declarations of the same backend: the first one wins
 */
public record BackendInfo(String service, String version, String parent, String description,
        String bundle, int ranking, long serviceId) {

    public BackendInfo {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("A backend declaration of " + bundle + " has no 'service' property");
        }
        version = version == null ? "" : version.trim();
        parent = parent == null ? "" : parent.trim();
        description = description == null ? "" : description;
        Objects.requireNonNull(bundle, "bundle");
    }

    public String name() {
        return BackendNames.name(service, version);
    }
}
