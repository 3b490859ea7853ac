package io.connector.core.internal.environment;

import java.util.Map;
import java.util.Objects;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.ConnectorUnit;
import io.connector.api.Environment;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.Binder;

/** An environment for one model; those made for other models share its {@link EnvironmentScope}. */
final class ConnectorEnvironment implements Environment {

    private final EnvironmentScope scope;
    private final String model;

    ConnectorEnvironment(EnvironmentScope scope, String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("An environment needs a model");
        }
        this.scope = scope;
        this.model = model;
    }

    @Override
    public BackendRecord backendRecord() {
        return scope.backendRecord();
    }

    @Override
    public Backend backend() {
        return scope.backendRecord().backend();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public RecordStore store() {
        return scope.store();
    }

    @Override
    public io.connector.api.job.JobQueue jobs() {
        return scope.jobs();
    }

    @Override
    public <T extends ConnectorUnit> T unit(Class<T> type) {
        return scope.unit(Objects.requireNonNull(type, "type"), this);
    }

    @Override
    public <T extends ConnectorUnit> T unit(Class<T> type, String model) {
        return forModel(model).unit(type);
    }

    @Override
    public Binder binder() {
        return unit(Binder.class);
    }

    @Override
    public Binder binder(String model) {
        return unit(Binder.class, model);
    }

    @Override
    public Environment forModel(String model) {
        return this.model.equals(model) ? this : new ConnectorEnvironment(scope, model);
    }

    @Override
    public Map<String, Object> attributes() {
        return scope.attributes();
    }

    @Override
    public void close() {
        scope.close();
    }

    @Override
    public String toString() {
        return "Environment[" + scope.backendRecord().name() + " (" + backend().name() + "), " + model + "]";
    }
}
