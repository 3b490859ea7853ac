package io.connector.store.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.connector.api.store.ConnectorModels;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of the active bundles: an extender that reads the JSON files a bundle names in its
 * {@value #HEADER} manifest header (see {@link ModelFileReader}) and publishes a new
 * {@link Models} whenever such a bundle starts or stops. Stopping a bundle removes its models and
 * fields from the registry, never their data.
 */
@Component(service = ModelRegistry.class, immediate = true)
@Capability(namespace = ConnectorModels.EXTENDER_NAMESPACE, name = ConnectorModels.EXTENDER,
        version = ConnectorModels.EXTENDER_VERSION)
public final class ModelRegistry {

    public static final String HEADER = ConnectorModels.HEADER;

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<Object, ModelContribution> contributions = new HashMap<>();
    private final List<Consumer<Models>> listeners = new CopyOnWriteArrayList<>();
    private long generation;
    private volatile Models current = Models.EMPTY;
    private BundleTracker<ModelContribution> tracker;

    @Activate
    void activate(BundleContext context) {
        // STARTING as well as ACTIVE, as extenders do: a bundle's models are known before its
        // activator and its components run, so a job function it registers never meets a store
        // that does not know the models it writes.
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public ModelContribution addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) {
                    return null;
                }
                ModelContribution contribution = read(bundle, header);
                contributed(bundle.getBundleId(), contribution);
                return contribution;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, ModelContribution contribution) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ModelContribution contribution) {
                withdrawn(bundle.getBundleId());
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    public Models current() {
        return current;
    }

    /** Called with each new {@link Models}, on the thread that changed them. */
    public void addListener(Consumer<Models> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Models> listener) {
        listeners.remove(listener);
    }

    public void contributed(Object key, ModelContribution contribution) {
        Models models;
        synchronized (this) {
            contributions.put(key, contribution);
            models = publish();
        }
        contribution.problems().forEach(LOG::warn);
        notifyListeners(models);
    }

    public void withdrawn(Object key) {
        Models models;
        synchronized (this) {
            if (contributions.remove(key) == null) {
                return;
            }
            models = publish();
        }
        notifyListeners(models);
    }

    private Models publish() {
        current = Models.build(++generation, new ArrayList<>(contributions.values()));
        return current;
    }

    private void notifyListeners(Models models) {
        for (Consumer<Models> listener : listeners) {
            try {
                listener.accept(models);
            } catch (RuntimeException e) {
                LOG.error("Applying models generation {} failed: {}", models.generation(), e.getMessage(), e);
            }
        }
    }

    private static ModelContribution read(Bundle bundle, String header) {
        String name = bundle.getSymbolicName() + " " + bundle.getVersion();
        List<ModelContribution> parts = new ArrayList<>();
        for (String path : header.split(",")) {
            path = path.trim();
            URL entry = bundle.getEntry(path);
            if (entry == null) {
                parts.add(new ModelContribution(name, bundle.getBundleId(), Map.of(), Map.of(),
                        List.of(name + ": " + HEADER + " names " + path + ", which the bundle does not contain")));
                continue;
            }
            try (InputStream in = entry.openStream()) {
                parts.add(ModelFileReader.read(name, bundle.getBundleId(), path, in));
            } catch (IOException e) {
                parts.add(new ModelContribution(name, bundle.getBundleId(), Map.of(), Map.of(),
                        List.of(name + ": cannot read " + path + ": " + e.getMessage())));
            }
        }
        return ModelContribution.merge(name, bundle.getBundleId(), parts);
    }
}
