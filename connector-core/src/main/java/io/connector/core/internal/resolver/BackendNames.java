package io.connector.core.internal.resolver;

/** A backend's name is its service, then {@code /version} unless it is the service's root. */
public final class BackendNames {

    private BackendNames() {
    }

    public static String name(String service, String version) {
        return version == null || version.isEmpty() ? service : service + "/" + version;
    }
}
