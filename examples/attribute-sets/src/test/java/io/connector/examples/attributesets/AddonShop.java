package io.connector.examples.attributesets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;
import io.connector.api.store.RecordListener;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.RecordImporter;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitDescriptor;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.core.internal.resolver.UnitSource;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.simulator.MagentoSimulator;
import io.connector.magento.v17.internal.client.MagentoClientPool;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;

/**
 * The addon wired as Karaf wires it, without OSGi: the core's models and the addon's in a real
 * store on H2 with the addon's listener, the {@code magento} and {@code magento/1.7} backends with
 * the addon's units in the core's resolver, environments from the core's factory, and backend
 * record "shop" on a Magento simulator. The job queue keeps what is delayed and runs nothing.
 */
final class AddonShop implements AutoCloseable {

    static final String SHOP_ID = "shop-1";
    private static final String MODELS = "connector/models.json";
    private static final String BUNDLE = "example-attribute-sets (test)";
    private static final AtomicLong SERVICE_IDS = new AtomicLong();

    /** A job as the batch importer delayed it. */
    record Delayed(String function, Map<String, Object> args, String channel) {
    }

    final MagentoSimulator magento = MagentoSimulator.builder().user("odoo").apiKey("odoo42").start();
    final List<Delayed> delayed = Collections.synchronizedList(new ArrayList<>());
    private final StoreFixture storeFixture = new StoreFixture(TestDatabase.h2(), new String[0]);
    private final UnitRegistry units = new UnitRegistry();
    private final ConnectorEnvironmentFactory environments;
    private final BackendRecord shop;

    AddonShop() {
        contributeModels("io.connector.connector-core", 1, AbstractRecordImporter.class);
        contributeModels(BUNDLE, 2, AttributeSetModels.class);
        if (!store().modelProblems().isEmpty()) {
            throw new IllegalStateException("Model problems: " + store().modelProblems());
        }
        storeFixture.listeners.add(new AttributeSetRenameListener(), Map.of(RecordListener.MODEL, AttributeSetModels.SET));
        units.backendDeclared(MagentoModels.SERVICE, new BackendInfo(MagentoModels.SERVICE, "", "", "Magento", BUNDLE, 0,
                SERVICE_IDS.incrementAndGet()));
        units.backendDeclared("magento/1.7", new BackendInfo(MagentoModels.SERVICE, "1.7", MagentoModels.SERVICE, "Magento 1.x",
                BUNDLE, 0, SERVICE_IDS.incrementAndGet()));
        MagentoClientPool clients = new MagentoClientPool();
        unit("magento/1.7", BackendAdapter.class, () -> new AttributeSetAdapter(clients));
        unit(MagentoModels.SERVICE, BatchImporter.class, AttributeSetBatchImporter::new);
        unit(MagentoModels.SERVICE, RecordImporter.class, AttributeSetImporter::new);
        unit(MagentoModels.SERVICE, ImportMapper.class, AttributeSetImportMapper::new);
        unit(MagentoModels.SERVICE, Binder.class, AttributeSetBinder::new);
        environments = new ConnectorEnvironmentFactory(units, store(), new RecordingQueue());
        shop = new ShopRecord(SHOP_ID, "shop", units.get("magento/1.7"), magento.url(), "odoo", "odoo42");
    }

    RecordStore store() {
        return storeFixture.recordStore();
    }

    /** Work with the shop's units for the binding model, as a job would. */
    <T> T inEnvironment(Function<Environment, T> work) {
        try (Environment env = environments.open(shop, AttributeSetModels.BINDING)) {
            return work.apply(env);
        }
    }

    /** The shop's bindings of sets, with the fields of the sets they bind, by external id. */
    Map<String, Map<String, Object>> bindings() {
        Map<String, Map<String, Object>> bindings = new HashMap<>();
        store().inTransaction(s -> s.query(AttributeSetModels.BINDING).where("backend_id", "=", SHOP_ID).read())
                .forEach(binding -> bindings.put(binding.get("external_id").toString(), binding));
        return bindings;
    }

    List<Map<String, Object>> checkpoints() {
        return store().inTransaction(s -> s.query(io.connector.api.Checkpoints.MODEL).order("id").read());
    }

    @Override
    public void close() {
        storeFixture.close();
        magento.close();
    }

    /** Prototype scope: a new instance per environment, as the container hands them out. */
    private void unit(String backend, Class<?> type, Supplier<Object> factory) {
        String name = factory.get().getClass().getName();
        units.unitRegistered(name, new UnitDescriptor(name, Set.of(type.getName()), backend, Set.of(AttributeSetModels.BINDING),
                Set.of(), 0, SERVICE_IDS.incrementAndGet(), BUNDLE, true, new UnitSource() {
                    @Override
                    public Object newInstance() {
                        return factory.get();
                    }

                    @Override
                    public void release(Object instance) {
                    }
                }));
    }

    /** Each bundle's file is named connector/models.json: take the one beside {@code ofBundle}. */
    private void contributeModels(String bundle, long order, Class<?> ofBundle) {
        String base = ofBundle.getProtectionDomain().getCodeSource().getLocation().toString();
        try {
            for (URL url : Collections.list(ofBundle.getClassLoader().getResources(MODELS))) {
                if (url.toString().equals(base + MODELS) || url.toString().equals("jar:" + base + "!/" + MODELS)) {
                    try (InputStream in = url.openStream()) {
                        storeFixture.registry.contributed(bundle, ModelFileReader.read(bundle, order, MODELS, in));
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No " + MODELS + " beside " + ofBundle.getName() + " in " + base);
    }

    private record ShopRecord(String id, String name, Backend backend, String location, String username, String password)
            implements BackendRecord {
        @Override
        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }

    /** Keeps each delayed job's function, arguments and channel; every other setting is accepted and forgotten. */
    private final class RecordingQueue implements JobQueue {
        @Override
        @SuppressWarnings("unchecked")
        public JobBuilder job(String function) {
            Map<String, Object> args = new HashMap<>();
            String[] channel = new String[1];
            return (JobBuilder) Proxy.newProxyInstance(JobBuilder.class.getClassLoader(), new Class<?>[] {JobBuilder.class},
                    (proxy, method, params) -> switch (method.getName()) {
                        case "args" -> {
                            args.putAll((Map<String, ?>) params[0]);
                            yield proxy;
                        }
                        case "arg" -> {
                            args.put((String) params[0], params[1]);
                            yield proxy;
                        }
                        case "channel" -> {
                            channel[0] = (String) params[0];
                            yield proxy;
                        }
                        case "delay" -> {
                            delayed.add(new Delayed(function, Map.copyOf(args), channel[0]));
                            yield UUID.randomUUID().toString();
                        }
                        default -> {
                            if (method.getReturnType() != JobBuilder.class) {
                                throw new UnsupportedOperationException("The test queue runs nothing: " + method.getName());
                            }
                            yield proxy;
                        }
                    });
        }

        @Override
        public JobGraph chain(JobStep... steps) {
            throw new UnsupportedOperationException("not used by the batch importer");
        }

        @Override
        public JobGraph group(JobStep... steps) {
            throw new UnsupportedOperationException("not used by the batch importer");
        }
    }
}
