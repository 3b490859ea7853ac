package io.connector.magento.v17;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.store.RecordListener;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreWork;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.Binder;
import io.connector.api.unit.ChunkResult;
import io.connector.api.unit.ExportMapper;
import io.connector.api.unit.Exporter;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.RecordImporter;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitDescriptor;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.core.internal.resolver.UnitSource;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.internal.MagentoBinder;
import io.connector.magento.internal.exporter.InvoiceExportListener;
import io.connector.magento.internal.exporter.SaleOrderStateListener;
import io.connector.magento.internal.exporter.ShipmentExportListener;
import io.connector.magento.internal.exporter.StandardInvoiceExporter;
import io.connector.magento.internal.exporter.StandardProductExportMapper;
import io.connector.magento.internal.exporter.StandardProductStockExporter;
import io.connector.magento.internal.exporter.StandardSaleOrderStateExporter;
import io.connector.magento.internal.exporter.StandardShipmentExporter;
import io.connector.magento.internal.exporter.StockExportListener;
import io.connector.magento.internal.importer.PaymentRuleReview;
import io.connector.magento.internal.importer.StandardAddressImporter;
import io.connector.magento.internal.importer.StandardMagentoBatchImporter;
import io.connector.magento.internal.importer.StandardMetadataBatchImporter;
import io.connector.magento.internal.importer.StandardMetadataImporter;
import io.connector.magento.internal.importer.StandardPartnerBatchImporter;
import io.connector.magento.internal.importer.StandardPartnerCategoryImporter;
import io.connector.magento.internal.importer.StandardPartnerImporter;
import io.connector.magento.internal.importer.StandardProductCategoryBatchImporter;
import io.connector.magento.internal.importer.StandardProductCategoryImporter;
import io.connector.magento.internal.importer.StandardProductImporter;
import io.connector.magento.internal.importer.StandardSaleOrderBatchImporter;
import io.connector.magento.internal.importer.StandardSaleOrderImporter;
import io.connector.magento.internal.mapper.StandardAddressImportMapper;
import io.connector.magento.internal.mapper.StandardPartnerCategoryImportMapper;
import io.connector.magento.internal.mapper.StandardPartnerImportMapper;
import io.connector.magento.internal.mapper.StandardProductCategoryImportMapper;
import io.connector.magento.internal.mapper.StandardProductImportMapper;
import io.connector.magento.internal.mapper.StandardSaleOrderImportMapper;
import io.connector.magento.internal.mapper.StandardSaleOrderLineImportMapper;
import io.connector.magento.internal.mapper.StandardStoreImportMapper;
import io.connector.magento.internal.mapper.StandardStoreViewImportMapper;
import io.connector.magento.internal.mapper.StandardWebsiteImportMapper;
import io.connector.magento.v17.client.MagentoClients;
import io.connector.magento.v17.internal.adapter.PartnerAdapter;
import io.connector.magento.v17.internal.adapter.PartnerCategoryAdapter;
import io.connector.magento.v17.internal.adapter.StandardAddressAdapter;
import io.connector.magento.v17.internal.adapter.StandardInvoiceAdapter;
import io.connector.magento.v17.internal.adapter.StandardProductAdapter;
import io.connector.magento.v17.internal.adapter.StandardProductCategoryAdapter;
import io.connector.magento.v17.internal.adapter.StandardSaleOrderAdapter;
import io.connector.magento.v17.internal.adapter.StandardShipmentAdapter;
import io.connector.magento.v17.internal.adapter.StoreAdapter;
import io.connector.magento.v17.internal.adapter.StoreViewAdapter;
import io.connector.magento.v17.internal.adapter.WebsiteAdapter;
import io.connector.magento.v17.internal.client.MagentoClientPool;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;

/**
 * The Magento units wired as the container wires them, without OSGi: the core's and
 * magento-backend's models in a real store on H2, the units of the generic {@code magento} backend
 * and this bundle's XML-RPC units of {@code magento/1.7} in a unit registry, environments from the
 * core's factory, and a {@code magento/1.7} backend record "shop" on a {@link RecordedMagento}. A
 * job queue that runs nothing ({@link RecordedJobs}): a record importer imports its dependencies
 * itself, in its transaction, and the metadata batch imports at once; the other batches' jobs are
 * kept for a test to look at, and run in MagentoImportIT.
 */
public final class MagentoFixture implements AutoCloseable {

    public static final String SHOP = "shop";
    /** The stable id of backend record {@value #SHOP}, which its bindings carry. */
    public static final String SHOP_ID = SHOP + "-1";

    private static final String VERSION = "1.7";
    /** The backend of the shop's record: {@code magento/1.7}, where the XML-RPC units are. */
    public static final String BACKEND = MagentoModels.SERVICE + "/" + VERSION;

    private static final String MODELS = "connector/models.json";
    private static final String BUNDLE = "io.connector.magento-backend (test)";
    private static final String BUNDLE_17 = "io.connector.magento-1.7 (test)";
    private static final AtomicLong SERVICE_IDS = new AtomicLong();

    private final RecordedMagento magento;
    private final StoreFixture storeFixture;
    private final RecordedJobs jobs = new RecordedJobs();
    private final UnitRegistry units = new UnitRegistry();
    private final ConnectorEnvironmentFactory environments;
    private final BackendRecord shop;

    private MagentoFixture() {
        storeFixture = new StoreFixture(TestDatabase.h2(), new String[0]);
        magento = RecordedMagento.start();
        try {
            // Both bundles name their file connector/models.json: on one class path only the first
            // one found is visible by name, so each is taken from its own jar or folder.
            contributeModels("io.connector.connector-core", 1, AbstractRecordImporter.class);
            contributeModels(BUNDLE, 2, MagentoModels.class);
            if (!store().modelProblems().isEmpty()) {
                throw new IllegalStateException("Model problems: " + store().modelProblems());
            }
            storeFixture.listeners.add(new PaymentRuleReview(), Map.of(RecordListener.MODEL, "sale.payment.method"));
            units.backendDeclared(MagentoModels.SERVICE, new BackendInfo(MagentoModels.SERVICE, "", "", "Magento, any version",
                    BUNDLE, 0, SERVICE_IDS.incrementAndGet()));
            units.backendDeclared(BACKEND, new BackendInfo(MagentoModels.SERVICE, VERSION, MagentoModels.SERVICE,
                    "Magento 1.7 and later 1.x, XML-RPC API", BUNDLE_17, 0, SERVICE_IDS.incrementAndGet()));
            registerUnits(new MagentoClientPool());
            environments = new ConnectorEnvironmentFactory(units, store(), jobs);
            shop = backendRecord(SHOP, magento.location(), RecordedMagento.API_KEY);
            registerExportListeners();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A fresh store and shop; close it after the test. */
    public static MagentoFixture start() {
        return new MagentoFixture();
    }

    /**
     * The units the bundles register, by hand: their names and models are in {@code @Component}
     * and {@code @UnitFor}, which are kept in the class files only (bnd turns them into the
     * bundle's component descriptors when it packages the jar). The adapters are magento-1.7's, on
     * {@code magento/1.7}; everything else is magento-backend's, on {@code magento}.
     */
    private void registerUnits(MagentoClients clients) {
        unit("io.connector.magento.internal.MagentoBinder", Binder.class, MagentoBinder::new, MagentoModels.WEBSITE,
                MagentoModels.STORE, MagentoModels.STORE_VIEW, MagentoModels.PARTNER_CATEGORY, MagentoModels.PARTNER,
                MagentoModels.ADDRESS, MagentoModels.PRODUCT_CATEGORY, MagentoModels.PRODUCT, MagentoModels.SALE_ORDER,
                MagentoModels.SALE_ORDER_LINE, MagentoModels.INVOICE, MagentoModels.SHIPMENT);

        unit17("io.connector.magento.adapter.InvoiceAdapter", BackendAdapter.class, () -> new StandardInvoiceAdapter(clients),
                MagentoModels.INVOICE);
        unit17("io.connector.magento.adapter.ShipmentAdapter", BackendAdapter.class, () -> new StandardShipmentAdapter(clients),
                MagentoModels.SHIPMENT);
        unit("io.connector.magento.exporter.ProductStockExporter", Exporter.class, StandardProductStockExporter::new,
                MagentoModels.PRODUCT);
        unit("io.connector.magento.exporter.ProductExportMapper", ExportMapper.class, StandardProductExportMapper::new,
                MagentoModels.PRODUCT);
        unit("io.connector.magento.exporter.InvoiceExporter", Exporter.class, StandardInvoiceExporter::new, MagentoModels.INVOICE);
        unit("io.connector.magento.exporter.ShipmentExporter", Exporter.class, StandardShipmentExporter::new,
                MagentoModels.SHIPMENT);
        unit("io.connector.magento.exporter.SaleOrderStateExporter", Exporter.class, StandardSaleOrderStateExporter::new,
                MagentoModels.SALE_ORDER);

        unit17("io.connector.magento.adapter.WebsiteAdapter", BackendAdapter.class, () -> new WebsiteAdapter(clients),
                MagentoModels.WEBSITE);
        unit17("io.connector.magento.adapter.StoreAdapter", BackendAdapter.class, () -> new StoreAdapter(clients),
                MagentoModels.STORE);
        unit17("io.connector.magento.adapter.StoreViewAdapter", BackendAdapter.class, () -> new StoreViewAdapter(clients),
                MagentoModels.STORE_VIEW);
        unit17("io.connector.magento.adapter.PartnerCategoryAdapter", BackendAdapter.class,
                () -> new PartnerCategoryAdapter(clients), MagentoModels.PARTNER_CATEGORY);
        unit17("io.connector.magento.adapter.PartnerAdapter", BackendAdapter.class, () -> new PartnerAdapter(clients),
                MagentoModels.PARTNER);
        unit17("io.connector.magento.adapter.AddressAdapter", BackendAdapter.class, () -> new StandardAddressAdapter(clients),
                MagentoModels.ADDRESS);
        unit17("io.connector.magento.adapter.ProductCategoryAdapter", BackendAdapter.class,
                () -> new StandardProductCategoryAdapter(clients), MagentoModels.PRODUCT_CATEGORY);
        unit17("io.connector.magento.adapter.ProductAdapter", BackendAdapter.class, () -> new StandardProductAdapter(clients),
                MagentoModels.PRODUCT);
        unit17("io.connector.magento.adapter.SaleOrderAdapter", BackendAdapter.class, () -> new StandardSaleOrderAdapter(clients),
                MagentoModels.SALE_ORDER);

        unit("io.connector.magento.importer.MetadataBatchImporter", BatchImporter.class, StandardMetadataBatchImporter::new,
                MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW);
        unit("io.connector.magento.importer.MagentoBatchImporter", BatchImporter.class, StandardMagentoBatchImporter::new,
                MagentoModels.PARTNER_CATEGORY, MagentoModels.PRODUCT);
        unit("io.connector.magento.importer.PartnerBatchImporter", BatchImporter.class, StandardPartnerBatchImporter::new,
                MagentoModels.PARTNER);
        unit("io.connector.magento.importer.ProductCategoryBatchImporter", BatchImporter.class,
                StandardProductCategoryBatchImporter::new, MagentoModels.PRODUCT_CATEGORY);
        unit("io.connector.magento.importer.SaleOrderBatchImporter", BatchImporter.class, StandardSaleOrderBatchImporter::new,
                MagentoModels.SALE_ORDER);

        unit("io.connector.magento.importer.MetadataImporter", RecordImporter.class, StandardMetadataImporter::new,
                MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW);
        unit("io.connector.magento.importer.PartnerCategoryImporter", RecordImporter.class,
                StandardPartnerCategoryImporter::new, MagentoModels.PARTNER_CATEGORY);
        unit("io.connector.magento.importer.PartnerImporter", RecordImporter.class, StandardPartnerImporter::new,
                MagentoModels.PARTNER);
        unit("io.connector.magento.importer.AddressImporter", RecordImporter.class, StandardAddressImporter::new,
                MagentoModels.ADDRESS);
        unit("io.connector.magento.importer.ProductCategoryImporter", RecordImporter.class,
                StandardProductCategoryImporter::new, MagentoModels.PRODUCT_CATEGORY);
        unit("io.connector.magento.importer.ProductImporter", RecordImporter.class, StandardProductImporter::new,
                MagentoModels.PRODUCT);
        unit("io.connector.magento.importer.SaleOrderImporter", RecordImporter.class, StandardSaleOrderImporter::new,
                MagentoModels.SALE_ORDER);

        unit("io.connector.magento.mapper.WebsiteImportMapper", ImportMapper.class, StandardWebsiteImportMapper::new,
                MagentoModels.WEBSITE);
        unit("io.connector.magento.mapper.StoreImportMapper", ImportMapper.class, StandardStoreImportMapper::new,
                MagentoModels.STORE);
        unit("io.connector.magento.mapper.StoreViewImportMapper", ImportMapper.class, StandardStoreViewImportMapper::new,
                MagentoModels.STORE_VIEW);
        unit("io.connector.magento.mapper.PartnerCategoryImportMapper", ImportMapper.class,
                StandardPartnerCategoryImportMapper::new, MagentoModels.PARTNER_CATEGORY);
        unit("io.connector.magento.mapper.AddressImportMapper", ImportMapper.class, StandardAddressImportMapper::new,
                MagentoModels.ADDRESS);
        unit("io.connector.magento.mapper.ProductCategoryImportMapper", ImportMapper.class,
                StandardProductCategoryImportMapper::new, MagentoModels.PRODUCT_CATEGORY);
        unit("io.connector.magento.mapper.ProductImportMapper", ImportMapper.class, StandardProductImportMapper::new,
                MagentoModels.PRODUCT);
        unit("io.connector.magento.mapper.SaleOrderImportMapper", ImportMapper.class, StandardSaleOrderImportMapper::new,
                MagentoModels.SALE_ORDER);
        unit("io.connector.magento.mapper.SaleOrderLineImportMapper", ImportMapper.class,
                StandardSaleOrderLineImportMapper::new, MagentoModels.SALE_ORDER_LINE);
        unit("io.connector.magento.mapper.PartnerImportMapper", ImportMapper.class, StandardPartnerImportMapper::new,
                MagentoModels.PARTNER);
    }

    /** Hears the record events of {@code model}, as a listener service of the store would. */
    public void listen(String model, RecordListener listener) {
        storeFixture.listeners.add(listener, Map.of(RecordListener.MODEL, model));
    }

    /** The export listeners, delaying into {@link #jobs()}, on the one backend record {@link #shop()}. */
    private void registerExportListeners() {
        Supplier<io.connector.api.job.JobQueue> queue = () -> jobs;
        Supplier<io.connector.api.BackendRecords> records = () -> new io.connector.api.BackendRecords() {
            @Override
            public java.util.Collection<BackendRecord> all() {
                return List.of(shop);
            }

            @Override
            public Optional<BackendRecord> find(String nameOrId) {
                return nameOrId.equals(shop.id()) || nameOrId.equals(shop.name()) ? Optional.of(shop) : Optional.empty();
            }

            @Override
            public BackendRecord get(String nameOrId) {
                return find(nameOrId).orElseThrow(() -> new io.connector.api.UnknownBackendException("No backend " + nameOrId));
            }
        };
        storeFixture.listeners.add(new StockExportListener(queue, records), Map.of(RecordListener.MODEL, MagentoModels.PRODUCT));
        storeFixture.listeners.add(new InvoiceExportListener(queue, records),
                Map.of(RecordListener.MODEL, List.of("account.invoice", MagentoModels.INVOICE)));
        storeFixture.listeners.add(new ShipmentExportListener(queue, records),
                Map.of(RecordListener.MODEL, List.of("stock.picking", MagentoModels.SHIPMENT)));
        storeFixture.listeners.add(new SaleOrderStateListener(queue, records), Map.of(RecordListener.MODEL, "sale.order"));
    }

    /** Exports a binding, as an {@code export_record} job does; what it says it did. */
    public String export(String bindingModel, long bindingId, List<String> fields) {
        try (Environment env = environments.open(shop, bindingModel)) {
            return env.unit(Exporter.class).run(bindingId, fields);
        }
    }

    /** Exports several bindings, as an {@code export_chunk} job does; what each did. */
    public ChunkResult exportChunk(String bindingModel, List<Long> bindingIds, List<String> fields) {
        try (Environment env = environments.open(shop, bindingModel)) {
            return env.unit(Exporter.class).runChunk(bindingIds, fields);
        }
    }

    /** Runs the export jobs the listeners delayed (and those they delay), in order, as the queue would; their results. */
    public List<String> runExports() {
        List<String> results = new java.util.ArrayList<>();
        for (int round = 0; round < 10; round++) {
            List<RecordedJobs.Delayed> delayed = jobs.delayed().stream().filter(job -> job.function().startsWith("export_"))
                    .sorted(java.util.Comparator.comparingInt(RecordedJobs.Delayed::priority)).toList();
            if (delayed.isEmpty()) {
                return results;
            }
            jobs.clearFunction(io.connector.core.sync.ExportJobs.EXPORT_RECORD);
            jobs.clearFunction(io.connector.core.sync.ExportJobs.EXPORT_CHUNK);
            for (RecordedJobs.Delayed job : delayed) {
                @SuppressWarnings("unchecked")
                List<String> fields = (List<String>) job.args().get("fields");
                String model = job.args().get("model").toString();
                if (job.function().equals(io.connector.core.sync.ExportJobs.EXPORT_CHUNK)) {
                    @SuppressWarnings("unchecked")
                    List<Long> ids = ((List<Number>) job.args().get("binding_ids")).stream().map(Number::longValue).toList();
                    results.add(exportChunk(model, ids, fields).toString());
                } else {
                    results.add(export(model, ((Number) job.args().get("binding_id")).longValue(), fields));
                }
            }
        }
        throw new AssertionError("Exports kept delaying exports");
    }

    /** A unit of magento-backend, on the generic backend. */
    private void unit(String name, Class<?> type, Supplier<Object> factory, String... models) {
        units.unitRegistered(name, new UnitDescriptor(name, Set.of(type.getName()), MagentoModels.SERVICE, Set.of(models),
                Set.of(), 0, SERVICE_IDS.incrementAndGet(), BUNDLE, true, new Instances(factory)));
    }

    /** A unit of magento-1.7, on {@value #BACKEND}. */
    private void unit17(String name, Class<?> type, Supplier<Object> factory, String... models) {
        units.unitRegistered(name, new UnitDescriptor(name, Set.of(type.getName()), BACKEND, Set.of(models),
                Set.of(), 0, SERVICE_IDS.incrementAndGet(), BUNDLE_17, true, new Instances(factory)));
    }

    /** Prototype scope: a new instance per environment, as the container hands them out. */
    private record Instances(Supplier<Object> factory) implements UnitSource {
        @Override
        public Object newInstance() {
            return factory.get();
        }

        @Override
        public void release(Object instance) {
        }
    }

    private void contributeModels(String bundle, long order, Class<?> ofBundle) {
        URL file = modelsOf(ofBundle);
        try (InputStream in = file.openStream()) {
            storeFixture.registry.contributed(bundle, ModelFileReader.read(bundle, order, MODELS, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models file in the jar or folder {@code ofBundle} was loaded from. */
    private static URL modelsOf(Class<?> ofBundle) {
        String base = ofBundle.getProtectionDomain().getCodeSource().getLocation().toString();
        try {
            for (URL url : Collections.list(ofBundle.getClassLoader().getResources(MODELS))) {
                String found = url.toString();
                if (found.equals(base + MODELS) || found.equals("jar:" + base + "!/" + MODELS)) {
                    return url;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("No " + MODELS + " beside " + ofBundle.getName() + " in " + base);
    }

    /** The shop, as Magento answers it. */
    /** What the importers queued: nothing runs. */
    public RecordedJobs jobs() {
        return jobs;
    }

    public RecordedMagento magento() {
        return magento;
    }

    public RecordStore store() {
        return storeFixture.recordStore();
    }

    /** The backend record "shop" on the recorded Magento. */
    public BackendRecord shop() {
        return shop;
    }

    /** Another {@value #BACKEND} backend record, e.g. on a port where nothing answers. */
    public BackendRecord backendRecord(String name, String location, String apiKey) {
        return backendRecord(name, location, apiKey, Map.of());
    }

    /** A backend record with options ({@code connector:backend-add --option}). */
    public BackendRecord backendRecord(String name, String location, String apiKey, Map<String, String> options) {
        return new ShopRecord(name + "-1", name, units.get(BACKEND), location, RecordedMagento.USER, apiKey,
                Map.copyOf(options));
    }

    /** Imports one record of the shop, as {@code connector:import-record} does; what it says it did. */
    public String importRecord(String model, String externalId) {
        return importRecord(shop, model, externalId, false);
    }

    /** {@code connector:import-record --force}. */
    public String forceImport(String model, String externalId) {
        return importRecord(shop, model, externalId, true);
    }

    public String importRecord(BackendRecord backend, String model, String externalId, boolean force) {
        try (Environment env = environments.open(backend, model)) {
            return env.unit(RecordImporter.class).run(externalId, force);
        }
    }

    /** Imports a chunk of the shop's records, as an {@code import_chunk} job does; what each did. */
    public ChunkResult importChunk(String model, List<String> externalIds) {
        return importChunk(shop, model, externalIds);
    }

    public ChunkResult importChunk(BackendRecord backend, String model, List<String> externalIds) {
        try (Environment env = environments.open(backend, model)) {
            return env.unit(RecordImporter.class).runChunk(externalIds, false);
        }
    }

    /** Runs the model's batch import of everything. */
    public void importAll(String model) {
        importBatch(model, Map.of());
    }

    /** Runs the model's batch import with these filters, as an {@code import_batch} job does. */
    public void importBatch(String model, Map<String, Object> filters) {
        try (Environment env = environments.open(shop, model)) {
            env.unit(BatchImporter.class).run(filters);
        }
    }

    /** Work with the units of the shop for {@code model}, as a job would. */
    public <T> T inEnvironment(String model, Function<Environment, T> work) {
        try (Environment env = environments.open(shop, model)) {
            return work.apply(env);
        }
    }

    public <T> T inTransaction(StoreWork<T> work) {
        return store().inTransaction(work);
    }

    /** The shop's binding of a Magento record, with the fields of the record it binds. */
    public Optional<Map<String, Object>> binding(String bindingModel, String externalId) {
        List<Map<String, Object>> rows = inTransaction(s -> s.query(bindingModel).where("backend_id", "=", SHOP_ID)
                .where("external_id", "=", externalId).read());
        if (rows.size() > 1) {
            throw new AssertionError(rows.size() + " bindings of " + bindingModel + " " + externalId);
        }
        return rows.stream().findFirst();
    }

    /** The local record a Magento record was imported as (for a model that binds itself, the binding). */
    public Map<String, Object> imported(String bindingModel, String externalId) {
        Map<String, Object> binding = binding(bindingModel, externalId)
                .orElseThrow(() -> new AssertionError(bindingModel + " " + externalId + " was not imported"));
        Optional<String> local = store().model(bindingModel).orElseThrow().bindingOf();
        return local.isEmpty() ? binding : record(local.get(), (Long) binding.get("record_id"));
    }

    public Map<String, Object> record(String model, long id) {
        return inTransaction(s -> s.read(model, id)).orElseThrow(() -> new AssertionError("No " + model + " " + id));
    }

    /** The records of {@code model} whose {@code field} is {@code value}, by id. */
    public List<Map<String, Object>> records(String model, String field, Object value) {
        return inTransaction(s -> s.query(model).where(field, "=", value).read());
    }

    public long count(String model) {
        return inTransaction(s -> s.query(model).count());
    }

    @Override
    public void close() {
        storeFixture.close();
        magento.close();
    }

    private record ShopRecord(String id, String name, Backend backend, String location, String username, String password,
            Map<String, String> options) implements BackendRecord {
        @Override
        public Optional<String> option(String key) {
            return Optional.ofNullable(options.get(key));
        }

        @Override
        public String toString() {
            return "backend record " + name;
        }
    }
}
