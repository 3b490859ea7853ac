package io.connector.api.unit;

import java.util.Objects;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorUnit;
import io.connector.api.Environment;
import io.connector.api.unit.Binder;
import org.osgi.annotation.versioning.ConsumerType;

/** The environment plumbing every unit needs, and shortcuts to it. */
@ConsumerType
public abstract class AbstractUnit implements ConnectorUnit {

    private volatile Environment environment;

    @Override
    public final void setEnvironment(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (this.environment != null && this.environment != environment) {
            throw new IllegalStateException(getClass().getName() + " already works in " + this.environment
                    + "; units are prototype-scoped, one instance per environment");
        }
        this.environment = environment;
    }

    @Override
    public final Environment environment() {
        Environment env = environment;
        if (env == null) {
            throw new IllegalStateException(getClass().getName() + " was not obtained through an Environment");
        }
        return env;
    }

    /** Whether an environment obtained this instance (false in a unit test that made it by hand). */
    protected final boolean hasEnvironment() {
        return environment != null;
    }

    protected final BackendRecord backendRecord() {
        return environment().backendRecord();
    }

    protected final String model() {
        return environment().model();
    }

    protected final <T extends ConnectorUnit> T unit(Class<T> type) {
        return environment().unit(type);
    }

    protected final <T extends ConnectorUnit> T unit(Class<T> type, String model) {
        return environment().unit(type, model);
    }

    protected final Binder binder(String model) {
        return environment().binder(model);
    }
}
