package io.connector.core.internal.environment;

import java.util.Map;
import java.util.Objects;

import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.UnknownBackendException;
import io.connector.api.store.RecordStore;
import io.connector.core.internal.resolver.RegistrySnapshot;
import io.connector.core.internal.resolver.UnitRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Opens environments on the registry as it is at that moment. */
@Component(service = EnvironmentFactory.class)
public final class ConnectorEnvironmentFactory implements EnvironmentFactory {

    private final UnitRegistry registry;

    /** Optional: units that only resolve or map work without a database. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RecordStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile io.connector.api.job.JobQueue jobs;

    @Activate
    public ConnectorEnvironmentFactory(@Reference UnitRegistry registry) {
        this.registry = registry;
    }

    /** For use without a container. */
    public ConnectorEnvironmentFactory(UnitRegistry registry, RecordStore store) {
        this(registry, store, null);
    }

    public ConnectorEnvironmentFactory(UnitRegistry registry, RecordStore store, io.connector.api.job.JobQueue jobs) {
        this.registry = registry;
        this.store = store;
        this.jobs = jobs;
    }

    @Override
    public Environment open(BackendRecord backendRecord, String model) {
        return open(backendRecord, model, Map.of());
    }

    @Override
    public Environment open(BackendRecord backendRecord, String model, Map<String, Object> attributes) {
        Objects.requireNonNull(backendRecord, "backendRecord");
        RegistrySnapshot snapshot = registry.current();
        String backend = backendRecord.backend().name();
        if (snapshot.backend(backend).isEmpty()) {
            throw new UnknownBackendException("Backend record '" + backendRecord.name() + "' is of backend "
                    + backend + ", which no installed bundle declares. " + snapshot.declaredBackendsText());
        }
        return new ConnectorEnvironment(new EnvironmentScope(backendRecord, store, jobs, attributes, snapshot, registry::current), model);
    }
}
