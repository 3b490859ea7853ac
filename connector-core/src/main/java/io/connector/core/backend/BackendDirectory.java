package io.connector.core.backend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Backends;
import io.connector.api.ConnectorException;
import io.connector.api.UnknownBackendException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The configured backend records, read from Config Admin each time they are asked for, so that
 * what the shell shows is what is configured, the moment it is.
 */
@Component(service = {BackendRecords.class, BackendDirectory.class})
public final class BackendDirectory implements BackendRecords {

    private final ConfigurationAdmin configurationAdmin;
    private final Backends backends;
    private final SecretBox secrets;

    @Activate
    public BackendDirectory(@Reference ConfigurationAdmin configurationAdmin, @Reference Backends backends) {
        this(configurationAdmin, backends, SecretBox.forKaraf());
    }

    public BackendDirectory(ConfigurationAdmin configurationAdmin, Backends backends, SecretBox secrets) {
        this.configurationAdmin = configurationAdmin;
        this.backends = backends;
        this.secrets = secrets;
    }

    @Override
    public Collection<BackendRecord> all() {
        List<BackendRecord> records = new ArrayList<>(configured());
        records.sort(Comparator.comparing(BackendRecord::name));
        return records;
    }

    private List<ConfiguredBackend> configured() {
        try {
            Configuration[] configurations = configurationAdmin.listConfigurations(
                    "(service.factoryPid=" + BackendConfiguration.PID + ")");
            List<ConfiguredBackend> records = new ArrayList<>();
            if (configurations != null) {
                for (Configuration c : configurations) {
                    if (c.getProperties() != null) {
                        records.add(new ConfiguredBackend(c.getPid(), c.getProperties(), backends, secrets));
                    }
                }
            }
            return records;
        } catch (IOException | InvalidSyntaxException e) {
            throw new ConnectorException("Cannot read the backend configurations: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BackendRecord> find(String nameOrId) {
        List<ConfiguredBackend> matches = configured().stream()
                .filter(b -> b.id().equals(nameOrId) || b.name().equals(nameOrId)).toList();
        if (matches.size() > 1) {
            throw new ConnectorException("Several backends are called '" + nameOrId + "' ("
                    + String.join(", ", matches.stream().map(ConfiguredBackend::pid).toList()) + "); use an id");
        }
        return matches.stream().findFirst().map(BackendRecord.class::cast);
    }

    @Override
    public BackendRecord get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new UnknownBackendException("No backend called '" + nameOrId
                + "' is configured. Configured backends: " + names() + " (connector:backend-add adds one)"));
    }

    private String names() {
        List<String> names = all().stream().map(BackendRecord::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /**
     * Adds a backend record. The backend must be declared, the name new.
     *
     * @param backend a declared backend's name, e.g. {@code magento/1.7}
     * @param options further properties, e.g. {@code sale.prefix}
     */
    public BackendRecord add(String name, String backend, String location, String username, String password,
            Map<String, String> options) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("Invalid backend name '" + name + "': use letters, digits, '.', '-' and '_' (63 at most)");
        }
        var declared = backends.find(backend).orElseThrow(() -> new UnknownBackendException("Unknown backend version '"
                + backend + "'. Declared backends: " + String.join(", ", backends.all().stream().map(b -> b.name()).sorted().toList())));
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("A backend called '" + name + "' is already configured");
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("A backend needs a location, e.g. --location https://shop.example.com");
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        options.forEach((key, value) -> {
            if (key.startsWith(".") || List.of(ConfiguredBackend.NAME, ConfiguredBackend.ID, ConfiguredBackend.SERVICE,
                    ConfiguredBackend.VERSION).contains(key)) {
                throw new IllegalArgumentException("Option '" + key + "' cannot be set with --option");
            }
            properties.put(key, value);
        });
        properties.put(ConfiguredBackend.NAME, name);
        properties.put(ConfiguredBackend.ID, UUID.randomUUID().toString());
        properties.put(ConfiguredBackend.SERVICE, declared.service());
        properties.put(ConfiguredBackend.VERSION, declared.version());
        properties.put(ConfiguredBackend.LOCATION, location);
        properties.put(ConfiguredBackend.USERNAME, username == null ? "" : username);
        properties.put(ConfiguredBackend.PASSWORD, secrets.seal(password));
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(BackendConfiguration.PID, name, "?");
            configuration.update(properties);
            return new ConfiguredBackend(configuration.getPid(), properties, backends, secrets);
        } catch (IOException e) {
            throw new ConnectorException("Cannot save backend '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Removes a backend record's configuration; its bindings stay, keyed by its id. */
    public BackendRecord remove(String nameOrId) {
        ConfiguredBackend record = (ConfiguredBackend) get(nameOrId);
        try {
            configurationAdmin.getConfiguration(record.pid(), "?").delete();
        } catch (IOException e) {
            throw new ConnectorException("Cannot remove backend '" + nameOrId + "': " + e.getMessage(), e);
        }
        return record;
    }

    /** Whether its declared backend is installed, in words. */
    public String status(BackendRecord record) {
        String backend = ((ConfiguredBackend) record).backendName();
        return backends.find(backend).isPresent() ? "ok" : "backend " + backend + " is not declared by any installed bundle";
    }

    public String backendName(BackendRecord record) {
        return ((ConfiguredBackend) record).backendName();
    }
}
