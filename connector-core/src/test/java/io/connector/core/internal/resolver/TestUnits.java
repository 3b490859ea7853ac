package io.connector.core.internal.resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Builds backend declarations and unit descriptors as a container would register them. */
public final class TestUnits {

    private static final AtomicLong SERVICE_IDS = new AtomicLong(100);

    private TestUnits() {
    }

    public static BackendInfo backend(String service, String version, String parent) {
        return new BackendInfo(service, version, parent, "", "test.backends 1.0.0 (7)", 0, SERVICE_IDS.incrementAndGet());
    }

    /** The Magento chain: magento <- magento/1.7 <- magento/1.7-specific, and magento/2.0 beside 1.7. */
    public static List<BackendInfo> magentoChain() {
        return List.of(backend("magento", "", ""), backend("magento", "1.7", "magento"),
                backend("magento", "1.7-specific", "1.7"), backend("magento", "2.0", "magento"));
    }

    public static Builder unit(String name) {
        return new Builder(name);
    }

    /** A source that hands out instances until it is {@link CountingSource#unregister() unregistered}. */
    public static final class CountingSource implements UnitSource {
        private final Supplier<Object> factory;
        private final AtomicBoolean registered = new AtomicBoolean(true);
        public final List<Object> handedOut = new ArrayList<>();
        public final List<Object> released = new ArrayList<>();

        CountingSource(Supplier<Object> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized Object newInstance() {
            if (!registered.get()) {
                return null;
            }
            Object instance = factory.get();
            handedOut.add(instance);
            return instance;
        }

        @Override
        public synchronized void release(Object instance) {
            released.add(instance);
        }

        public void unregister() {
            registered.set(false);
        }
    }

    public static final class Builder {
        private final String name;
        private Set<String> types = Set.of("io.connector.api.unit.ImportMapper");
        private String backend = "magento";
        private Set<String> models = Set.of("magento.res.partner");
        private Set<String> replacing = Set.of();
        private int ranking;
        private long serviceId = SERVICE_IDS.incrementAndGet();
        private String bundle = "test.bundle 1.0.0 (42)";
        private boolean prototype = true;
        private UnitSource source = new CountingSource(Object::new);

        Builder(String name) {
            this.name = name;
        }

        public Builder type(String... types) {
            this.types = Set.of(types);
            return this;
        }

        public Builder on(String backend) {
            this.backend = backend;
            return this;
        }

        public Builder models(String... models) {
            this.models = Set.of(models);
            return this;
        }

        public Builder replacing(String... names) {
            this.replacing = Set.of(names);
            return this;
        }

        public Builder ranking(int ranking) {
            this.ranking = ranking;
            return this;
        }

        public Builder bundle(String bundle) {
            this.bundle = bundle;
            return this;
        }

        public Builder singleton() {
            this.prototype = false;
            return this;
        }

        public Builder source(UnitSource source) {
            this.source = source;
            return this;
        }

        public Builder instances(Supplier<Object> factory) {
            this.source = new CountingSource(factory);
            return this;
        }

        public UnitDescriptor build() {
            return new UnitDescriptor(name, types, backend, models, replacing, ranking, serviceId, bundle, prototype, source);
        }
    }
}
