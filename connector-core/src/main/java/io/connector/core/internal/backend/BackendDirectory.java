package io.connector.core.internal.backend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Backends;
import io.connector.api.ConnectorException;
import io.connector.api.UnknownBackendException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The configured backend records: one {@link ConfiguredBackend} per factory configuration.
 * Adding or removing a record here writes its configuration and returns once the record is there
 * (or gone), so that the next command sees what this one did.
 */
@Component(service = {BackendRecords.class, BackendDirectory.class})
public final class BackendDirectory implements BackendRecords {

    /** How long {@link #add} and {@link #remove} wait for Config Admin and the component runtime. */
    private static final long SETTLE_MILLIS = 10_000;

    private final ConfigurationAdmin configurationAdmin;
    private final Backends backends;
    private final SecretBox secrets;
    private final Set<ConfiguredBackend> records = ConcurrentHashMap.newKeySet();

    @Activate
    public BackendDirectory(@Reference ConfigurationAdmin configurationAdmin, @Reference Backends backends,
            @Reference SecretBox secrets) {
        this.configurationAdmin = configurationAdmin;
        this.backends = backends;
        this.secrets = secrets;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRecord(ConfiguredBackend record) {
        records.add(record);
    }

    void removeRecord(ConfiguredBackend record) {
        records.remove(record);
    }

    @Override
    public Collection<BackendRecord> all() {
        List<BackendRecord> all = new ArrayList<>(records);
        all.sort(Comparator.comparing(BackendRecord::name));
        return all;
    }

    @Override
    public Optional<BackendRecord> find(String nameOrId) {
        List<ConfiguredBackend> matches = records.stream()
                .filter(b -> b.id().equals(nameOrId) || b.name().equals(nameOrId)).toList();
        if (matches.size() > 1) {
            throw new ConnectorException("Several backends are called '" + nameOrId + "' ("
                    + String.join(", ", matches.stream().map(ConfiguredBackend::pid).sorted().toList()) + "); use an id");
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
    @Override
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
        Map<String, String> properties = new LinkedHashMap<>();
        String id = UUID.randomUUID().toString();
        properties.put(ConfiguredBackend.NAME, name);
        properties.put(ConfiguredBackend.ID, id);
        properties.put(ConfiguredBackend.SERVICE, declared.service());
        properties.put(ConfiguredBackend.VERSION, declared.version());
        properties.put(ConfiguredBackend.LOCATION, location);
        properties.put(ConfiguredBackend.USERNAME, username == null ? "" : username);
        new TreeMap<>(options).forEach((key, value) -> {
            if (key.startsWith(".") || properties.containsKey(key)) {
                throw new IllegalArgumentException("Option '" + key + "' cannot be set with --option");
            }
            properties.put(key, value);
        });
        properties.put(ConfiguredBackend.PASSWORD, secrets.seal(password));
        Optional<BackendFiles> files = BackendFiles.ofKaraf();
        if (files.isPresent()) {
            files.get().write(name, properties);
        } else {
            try {
                Configuration configuration = configurationAdmin.getFactoryConfiguration(BackendConfiguration.PID, name, "?");
                configuration.update(new Hashtable<>(properties));
            } catch (IOException e) {
                throw new ConnectorException("Cannot save backend '" + name + "': " + e.getMessage(), e);
            }
        }
        settle(() -> find(id).isPresent(), "Backend '" + name + "' was saved" + files.map(f -> " in " + f.file(name)).orElse("")
                + " but is not active yet; see the log");
        return get(id);
    }

    @Override
    public BackendRecord remove(String nameOrId) {
        ConfiguredBackend record = (ConfiguredBackend) get(nameOrId);
        try {
            Configuration configuration = configurationAdmin.getConfiguration(record.pid(), "?");
            // Its file first, when file install made it from one: it would make it again.
            BackendFiles.deleteFileOf(configuration);
            configuration.delete();
        } catch (IOException e) {
            throw new ConnectorException("Cannot remove backend '" + nameOrId + "': " + e.getMessage(), e);
        }
        settle(() -> !records.contains(record), "Backend '" + nameOrId + "' was removed but is still active; see the log");
        return record;
    }

    /** Config Admin and the component runtime apply a change on their own threads: waits until it shows. */
    private static void settle(BooleanSupplier done, String otherwise) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ConnectorException(otherwise);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("Interrupted while waiting for the backend configuration to apply");
            }
        }
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
