package io.connector.core.backend;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Backends;
import io.connector.core.resolver.BackendNames;

/**
 * A backend record read from its configuration. The declared backend is looked up when asked
 * for, so a record configured before its backend's bundle is installed works once it is.
 */
final class ConfiguredBackend implements BackendRecord {

    static final String NAME = "name";
    static final String ID = "id";
    static final String SERVICE = "service";
    static final String VERSION = "version";
    static final String LOCATION = "location";
    static final String USERNAME = "username";
    static final String PASSWORD = ".password";

    private final String pid;
    private final Map<String, String> properties;
    private final Backends backends;
    private final SecretBox secrets;

    ConfiguredBackend(String pid, Dictionary<String, Object> configuration, Backends backends, SecretBox secrets) {
        this.pid = pid;
        this.backends = backends;
        this.secrets = secrets;
        Map<String, String> values = new TreeMap<>();
        for (Enumeration<String> keys = configuration.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            Object value = configuration.get(key);
            if (value != null) {
                values.put(key, value.toString());
            }
        }
        this.properties = values;
    }

    String pid() {
        return pid;
    }

    @Override
    public String id() {
        String id = properties.getOrDefault(ID, "");
        return id.isBlank() ? pid : id;
    }

    @Override
    public String name() {
        return properties.getOrDefault(NAME, pid);
    }

    /** The declared backend's name, e.g. {@code magento/1.7}. */
    String backendName() {
        return BackendNames.name(properties.getOrDefault(SERVICE, ""), properties.getOrDefault(VERSION, ""));
    }

    @Override
    public Backend backend() {
        return backends.get(backendName());
    }

    @Override
    public String location() {
        return properties.getOrDefault(LOCATION, "");
    }

    @Override
    public String username() {
        return properties.getOrDefault(USERNAME, "");
    }

    @Override
    public String password() {
        return secrets.open(properties.getOrDefault(PASSWORD, ""));
    }

    @Override
    public Optional<String> option(String key) {
        if (key.startsWith(".")) {
            return Optional.empty(); // private properties, the password among them, are not options
        }
        String value = properties.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "BackendRecord[" + name() + ", id " + id() + ", " + backendName() + ", " + location() + "]";
    }
}
