package io.connector.core.internal.resolver;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.Backend;
import io.connector.api.BackendDeclaration;
import io.connector.api.Backends;
import io.connector.api.ServiceProperties;
import io.connector.api.UnknownBackendException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks backend declarations and units in the service registry and publishes a new
 * {@link RegistrySnapshot} on every change. The trackers call back synchronously with the
 * service events, so a bundle that has been installed, updated or stopped is seen by the very
 * next lookup.
 *
 * <p>Units are tracked with a filter on their properties rather than by interface: a unit type
 * is whatever service interface a unit registers under, including ones defined by backend
 * bundles.
 */
@Component(service = {UnitRegistry.class, Backends.class}, immediate = true)
public final class UnitRegistry implements Backends {

    static final String UNIT_FILTER = "(&(" + ServiceProperties.SERVICE + "=*)(" + ServiceProperties.MODEL + "=*))";

    private static final Logger LOG = LoggerFactory.getLogger(UnitRegistry.class);

    private final Map<Object, UnitDescriptor> units = new HashMap<>();
    private final Map<Object, BackendInfo> declarations = new HashMap<>();
    private long generation;
    private volatile RegistrySnapshot current = RegistrySnapshot.EMPTY;

    private ServiceTracker<Object, Object> unitTracker;
    private ServiceTracker<BackendDeclaration, Object> backendTracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        backendTracker = new ServiceTracker<>(context, BackendDeclaration.class, new Customizer<>() {
            @Override
            void put(ServiceReference<BackendDeclaration> ref) {
                backendDeclared(ref, OsgiDescriptors.backend(ref));
            }

            @Override
            void remove(ServiceReference<BackendDeclaration> ref) {
                backendWithdrawn(ref);
            }
        });
        unitTracker = new ServiceTracker<>(context, context.createFilter(UNIT_FILTER), new Customizer<>() {
            @Override
            void put(ServiceReference<Object> ref) {
                unitRegistered(ref, OsgiDescriptors.unit(context, ref));
            }

            @Override
            void remove(ServiceReference<Object> ref) {
                unitUnregistered(ref);
            }
        });
        backendTracker.open();
        unitTracker.open();
    }

    @Deactivate
    void deactivate() {
        unitTracker.close();
        backendTracker.close();
    }

    /** The registry as it is now; environments keep the one they were opened with. */
    public RegistrySnapshot current() {
        return current;
    }

    /** Adds or updates a unit under its key (a service reference in a container). */
    public synchronized void unitRegistered(Object key, UnitDescriptor unit) {
        units.put(key, unit);
        publish();
    }

    public synchronized void unitUnregistered(Object key) {
        if (units.remove(key) != null) {
            publish();
        }
    }

    public synchronized void backendDeclared(Object key, BackendInfo backend) {
        declarations.put(key, backend);
        publish();
    }

    public synchronized void backendWithdrawn(Object key) {
        if (declarations.remove(key) != null) {
            publish();
        }
    }

    private void publish() {
        RegistrySnapshot next = RegistrySnapshot.build(++generation, declarations.values(), units.values());
        // Debug only: while a feature installs, a child backend often arrives before its parent.
        // Problems that last are shown by connector:backends.
        for (String problem : next.backendProblems()) {
            if (!current.backendProblems().contains(problem)) {
                LOG.debug(problem);
            }
        }
        current = next;
    }

    @Override
    public Collection<Backend> all() {
        return List.copyOf(current.backends());
    }

    @Override
    public Optional<Backend> find(String name) {
        return current.backend(name).map(Backend.class::cast);
    }

    @Override
    public Backend get(String name) {
        RegistrySnapshot snapshot = current;
        return snapshot.backend(name).orElseThrow(() -> new UnknownBackendException(snapshot.unknownBackendMessage(name)));
    }

    /** Keeps the registry in step with one tracker; the tracked object is the reference itself. */
    private abstract class Customizer<S> implements ServiceTrackerCustomizer<S, Object> {

        abstract void put(ServiceReference<S> ref);

        abstract void remove(ServiceReference<S> ref);

        @Override
        public Object addingService(ServiceReference<S> ref) {
            try {
                put(ref);
            } catch (RuntimeException e) {
                // A malformed registration is reported and left out; it must not stop the others.
                LOG.error("Ignoring service {} of bundle {}: {}", ref.getProperty(Constants.SERVICE_ID),
                        ref.getBundle().getSymbolicName(), e.getMessage());
                return null;
            }
            return ref;
        }

        @Override
        public void modifiedService(ServiceReference<S> ref, Object tracked) {
            if (addingService(ref) == null) {
                remove(ref);
            }
        }

        @Override
        public void removedService(ServiceReference<S> ref, Object tracked) {
            remove(ref);
        }
    }
}
