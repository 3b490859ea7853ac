package io.connector.core.internal.backend;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Backends;
import io.connector.api.ConnectorException;
import io.connector.core.internal.resolver.BackendNames;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A backend record, one per factory configuration, read as typed configuration; a change of
 * the configuration makes a new one. The declared backend is looked up when asked for, so a
 * record configured before its backend's bundle is installed works once it is. The password is
 * opened once, when first asked for.
 */
@Component(service = ConfiguredBackend.class, configurationPid = BackendConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BackendConfiguration.class, factory = true)
public final class ConfiguredBackend implements BackendRecord {

    static final String NAME = "name";
    static final String ID = "id";
    static final String SERVICE = "service";
    static final String VERSION = "version";
    static final String LOCATION = "location";
    static final String USERNAME = "username";
    static final String PASSWORD = ".password";

    private final String pid;
    private final BackendConfiguration config;
    private final Map<String, String> options;
    private final Backends backends;
    private final SecretBox secrets;
    private volatile String password;

    @Activate
    public ConfiguredBackend(BackendConfiguration config, Map<String, Object> properties, @Reference Backends backends,
            @Reference SecretBox secrets) {
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        this.config = config;
        this.backends = backends;
        this.secrets = secrets;
        Map<String, String> values = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (value != null && !key.startsWith(".")) {
                values.put(key, value.toString());
            }
        });
        this.options = values;
    }

    String pid() {
        return pid;
    }

    @Override
    public String id() {
        return config.id().isBlank() ? pid : config.id();
    }

    @Override
    public String name() {
        return config.name() == null || config.name().isBlank() ? pid : config.name();
    }

    /** The declared backend's name, e.g. {@code magento/1.7}. */
    String backendName() {
        return BackendNames.name(config.service() == null ? "" : config.service(), config.version());
    }

    @Override
    public Backend backend() {
        return backends.get(backendName());
    }

    @Override
    public String location() {
        return config.location() == null ? "" : config.location();
    }

    @Override
    public String username() {
        return config.username();
    }

    @Override
    public String password() {
        String open = password;
        if (open == null) {
            // Once per configuration: a changed configuration is a new record.
            try {
                open = secrets.open(config._password());
            } catch (ConnectorException e) {
                throw new ConnectorException("Backend " + name() + ": " + e.getMessage(), e);
            }
            password = open;
        }
        return open;
    }

    @Override
    public Optional<String> option(String key) {
        // Private properties, the password among them, are not options: they were left out.
        String value = options.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "BackendRecord[" + name() + ", id " + id() + ", " + backendName() + ", " + location() + "]";
    }
}
