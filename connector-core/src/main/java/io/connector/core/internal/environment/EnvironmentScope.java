package io.connector.core.internal.environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.api.ConnectorUnit;
import io.connector.api.store.RecordStore;
import io.connector.core.internal.resolver.RegistrySnapshot;
import io.connector.core.internal.resolver.UnitDescriptor;

/**
 * What the environments opened together share: the backend record, the attributes, the registry
 * snapshot taken at opening and the unit instances handed out so far, one per (type, model).
 */
final class EnvironmentScope {

    private record Obtained(UnitDescriptor unit, Object instance) {
    }

    private final BackendRecord backendRecord;
    private final RecordStore store;
    private final io.connector.api.job.JobQueue jobs;
    private final Map<String, Object> attributes;
    private final RegistrySnapshot snapshot;
    private final Supplier<RegistrySnapshot> latest;
    private final Map<List<String>, Obtained> instances = new ConcurrentHashMap<>();
    private volatile boolean closed;

    EnvironmentScope(BackendRecord backendRecord, RecordStore store, io.connector.api.job.JobQueue jobs,
            Map<String, Object> attributes, RegistrySnapshot snapshot, Supplier<RegistrySnapshot> latest) {
        this.backendRecord = backendRecord;
        this.store = store;
        this.jobs = jobs;
        this.attributes = Map.copyOf(attributes);
        this.snapshot = snapshot;
        this.latest = latest;
    }

    BackendRecord backendRecord() {
        return backendRecord;
    }

    RecordStore store() {
        if (store == null) {
            throw new ConnectorException("No record store: the connector DataSource (dataSourceName=connector) is not "
                    + "available; see etc/org.ops4j.datasource-connector.cfg and jdbc:ds-list");
        }
        return store;
    }

    io.connector.api.job.JobQueue jobs() {
        if (jobs == null) {
            throw new ConnectorException("No job queue: the connector core's store is not up (see jdbc:ds-list)");
        }
        return jobs;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * The instance of the unit of {@code type} for {@code environment}'s model: the one already
     * handed out, else a new one from the snapshot's winner. When that unit's bundle has gone
     * since the environment was opened, the registry as it is now answers instead.
     */
    <T extends ConnectorUnit> T unit(Class<T> type, ConnectorEnvironment environment) {
        if (closed) {
            throw new IllegalStateException("This environment of backend " + backendRecord.name() + " is closed");
        }
        List<String> key = List.of(type.getName(), environment.model());
        Obtained obtained = instances.get(key);
        if (obtained != null) {
            return type.cast(obtained.instance());
        }
        String backend = backendRecord.backend().name();
        UnitDescriptor unit = snapshot.resolve(backend, type.getName(), environment.model()).winner();
        Object instance = newInstance(unit);
        if (instance == null) {
            unit = latest.get().resolve(backend, type.getName(), environment.model()).winner();
            instance = newInstance(unit);
            if (instance == null) {
                throw new ConnectorException("Unit " + unit.describe() + " was unregistered while being obtained for "
                        + backend + "; try again");
            }
        }
        if (!type.isInstance(instance)) {
            unit.source().release(instance);
            throw new ConnectorException("Unit " + unit.describe() + " is registered as " + type.getName()
                    + " but does not implement the " + type.getName() + " this caller sees (two API versions installed?)");
        }
        // Set up outside any map lock: a unit may ask for other units as it starts.
        T typed = type.cast(instance);
        typed.setEnvironment(environment);
        Obtained raced = instances.putIfAbsent(key, new Obtained(unit, instance));
        if (raced != null) {
            unit.source().release(instance);
            return type.cast(raced.instance());
        }
        return typed;
    }

    private static Object newInstance(UnitDescriptor unit) {
        if (!unit.prototype()) {
            throw new ConnectorException("Unit " + unit.describe() + " is not prototype-scoped; declare it with "
                    + "@Component(scope = ServiceScope.PROTOTYPE) so each environment gets its own instance");
        }
        return unit.source().newInstance();
    }

    void close() {
        closed = true;
        List<Obtained> all = new ArrayList<>(instances.values());
        instances.clear();
        for (Obtained obtained : all) {
            obtained.unit().source().release(obtained.instance());
        }
    }
}
