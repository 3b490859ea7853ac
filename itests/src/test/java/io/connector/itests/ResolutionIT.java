package io.connector.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.connector.api.Backend;
import io.connector.api.Backends;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.NoUnitException;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ImportMapper;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Karaf with only the connector core, where a user adds the features repository and installs
 * the Magento features from the shell; then what the resolver and the shell commands answer
 * through the real Magento bundles. (The core is there from boot because the test classes see the
 * connector API from the start.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResolutionIT extends ConnectorTestSupport {

    private static final String PARTNER = "magento.res.partner";
    private static final String PARTNER_CATEGORY = "magento.res.partner.category";

    private static boolean installed;

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(features(featuresUrl(), "connector-core"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void installTheFeaturesAsAUserWould() throws Exception {
        if (!installed) {
            assertThat(execute("feature:list -i")).doesNotContain("connector-magento");
            execute("feature:repo-add " + featuresUrl());
            execute("feature:install connector-magento-specific");
            installed = true;
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertThat(service).as(type.getName()).isNotNull();
        return service;
    }

    @Test
    public void theFeaturesAndTheirBundlesAreInstalledAndActive() throws Exception {
        FeaturesService features = service(FeaturesService.class);
        for (String feature : new String[] {"connector-core", "connector-magento", "connector-magento-specific"}) {
            assertThat(features.isInstalled(features.getFeature(feature))).as(feature).isTrue();
        }
        long active = 0;
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().startsWith("io.connector.")) {
                assertThat(bundle.getState()).as(bundle.getSymbolicName()).isEqualTo(Bundle.ACTIVE);
                active++;
            }
        }
        assertThat(active).as("api, store, jobs, core, magento-backend, magento-1.7, magento-specific").isEqualTo(7);
    }

    /** The job queue reaches the store through its SPI only: no package of the store's implementation is wired. */
    @Test
    public void theQueueImportsNoStoreImplementationPackage() {
        Bundle jobs = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("io.connector.connector-jobs")).findFirst().orElseThrow();
        List<String> fromStore = jobs.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(wire -> wire.getProvider().getBundle().getSymbolicName().equals("io.connector.connector-store"))
                .map(wire -> String.valueOf(wire.getCapability().getAttributes().get("osgi.wiring.package"))).toList();
        assertThat(fromStore).containsExactly("io.connector.store.spi");
    }

    /**
     * A bundle that declares models or ships a schema requires the store's extender: it is wired
     * to the store bundle, and would not resolve without it.
     */
    @Test
    public void bundlesWithModelsOrASchemaAreWiredToTheStoresExtender() {
        List<String> wired = new java.util.ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            String name = bundle.getSymbolicName();
            if (!name.startsWith("io.connector.") || bundle.getHeaders("").get("Connector-Models") == null
                    && bundle.getHeaders("").get("Connector-Schema") == null) {
                continue;
            }
            List<BundleWire> wires = bundle.adapt(BundleWiring.class).getRequiredWires("osgi.extender");
            assertThat(wires).as(name).anySatisfy(wire -> {
                assertThat(wire.getCapability().getAttributes()).containsEntry("osgi.extender", "io.connector.store");
                assertThat(wire.getProvider().getBundle().getSymbolicName()).isEqualTo("io.connector.connector-store");
            });
            wired.add(name);
        }
        assertThat(wired).containsExactlyInAnyOrder("io.connector.connector-jobs", "io.connector.connector-core",
                "io.connector.magento-backend", "io.connector.magento-specific");
    }

    @Test
    public void theBundlesDeclareTheMagentoChain() throws Exception {
        Backends backends = service(Backends.class);
        assertThat(backends.get("magento/1.7-specific").chain()).extracting(Backend::name)
                .containsExactly("magento/1.7-specific", "magento/1.7", "magento");
        assertThat(backends.all()).extracting(Backend::name).contains("magento", "magento/1.7", "magento/1.7-specific");
    }

    @Test
    public void unitsResolveThroughSpecificThen17ThenMagento() throws Exception {
        Backends backends = service(Backends.class);
        EnvironmentFactory environments = service(EnvironmentFactory.class);
        Map<String, Object> customer = Map.of("firstname", "Jane", "lastname", "Roe", "email", "jane@example.com",
                "created_in", "French Store View", "gender", "124");

        try (Environment specific = environments.open(new TestShop(backends.get("magento/1.7-specific")), PARTNER)) {
            ImportMapper partner = specific.unit(ImportMapper.class);
            assertThat(partner.getClass().getName())
                    .isEqualTo("io.connector.magento.specific.internal.SpecificPartnerImportMapper");
            assertThat(partner.mapRecord(customer).values(true)).containsEntry("name", "Jane Roe")
                    .containsEntry("created_in", "French Store View").containsEntry("gender", "female");

            ImportMapper category = specific.unit(ImportMapper.class, PARTNER_CATEGORY);
            assertThat(category.getClass().getName()).as("inherited from magento through 1.7")
                    .isEqualTo("io.connector.magento.internal.mapper.StandardPartnerCategoryImportMapper");
            assertThat(category.environment().model()).isEqualTo(PARTNER_CATEGORY);
            assertThat(category.mapRecord(Map.of("customer_group_code", "Retailer")).values(true))
                    .containsEntry("name", "Retailer");
        }
        try (Environment v17 = environments.open(new TestShop(backends.get("magento/1.7")), PARTNER)) {
            ImportMapper partner = v17.unit(ImportMapper.class);
            assertThat(partner.getClass().getName()).as("inherited from magento")
                    .isEqualTo("io.connector.magento.internal.mapper.StandardPartnerImportMapper");
            assertThat(partner.mapRecord(customer).values(true)).containsEntry("name", "Jane Roe")
                    .doesNotContainKeys("created_in", "gender");
            assertThatThrownBy(() -> v17.unit(ImportMapper.class, "magento.unknown")).isInstanceOf(NoUnitException.class)
                    .hasMessage("No unit of type io.connector.api.unit.ImportMapper for model 'magento.unknown' on backend "
                            + "magento/1.7 (searched magento/1.7 -> magento)");
        }
    }

    @Test
    public void backendsCommandListsChainsAndDeclaringBundles() throws Exception {
        String out = execute("connector:backends");
        assertThat(out).contains("Backend", "Chain", "Declared by")
                .containsPattern("magento/1.7-specific\\s+\\|\\s+magento/1.7-specific -> magento/1.7 -> magento\\s+\\|\\s+"
                        + "io.connector.magento-specific 0.2.0")
                .containsPattern("magento/1.7\\s+\\|\\s+magento/1.7 -> magento\\s+\\|\\s+io.connector.magento-1.7")
                .containsPattern("magento\\s+\\|\\s+magento\\s+\\|\\s+io.connector.magento-backend")
                .doesNotContain("WARNING");
    }

    @Test
    public void unitsCommandShowsTheWinnerAndWhatItBeat() throws Exception {
        String out = execute("connector:units --backend magento/1.7-specific");
        assertThat(out).startsWith("Backend magento/1.7-specific (magento/1.7-specific -> magento/1.7 -> magento)")
                .containsPattern("ImportMapper\\s+\\|\\s+magento.res.partner\\s+\\|\\s+"
                        + "io.connector.magento.specific.internal.SpecificPartnerImportMapper\\s+\\|\\s+magento/1.7-specific\\s+\\|"
                        + "\\s+io.connector.magento-specific [^|]+\\|\\s+wins, registered on magento/1.7-specific")
                .containsPattern("ImportMapper\\s+\\|\\s+magento.res.partner\\s+\\|\\s+io.connector.magento.mapper.PartnerImportMapper"
                        + "\\s+\\|\\s+magento\\s+\\|\\s+io.connector.magento-backend [^|]+\\|\\s+overridden by magento/1.7-specific")
                .containsPattern("ImportMapper\\s+\\|\\s+magento.res.partner.category\\s+\\|\\s+"
                        + "io.connector.magento.mapper.PartnerCategoryImportMapper\\s+\\|\\s+magento\\s+\\|[^|]+\\|"
                        + "\\s+wins, inherited from magento")
                .doesNotContain("WARNING");

        String filtered = execute("connector:units --backend magento/1.7 --type ImportMapper --model magento.res.partner");
        assertThat(filtered).containsPattern("ImportMapper\\s+\\|\\s+magento.res.partner\\s+\\|\\s+"
                        + "io.connector.magento.mapper.PartnerImportMapper\\s+\\|\\s+magento\\s+\\|\\s+io.connector.magento-backend [^|]+\\|"
                        + "\\s+wins, inherited from magento")
                .doesNotContain("PartnerCategoryImportMapper", "SpecificPartnerImportMapper");

        assertThat(execute("connector:units")).contains("Backend magento (magento)", "Backend magento/1.7 (",
                "Backend magento/1.7-specific (");
    }

    /**
     * Magento 1.x's XML-RPC adapters are magento-1.7's, registered on magento/1.7 (their unit names
     * kept): 1.7-specific inherits them; the generic backend, which magento/2.0 also inherits
     * from, has none.
     */
    @Test
    public void theXmlRpcAdaptersAreRegisteredOn17AndTheGenericBackendHasNone() throws Exception {
        String partner = execute("connector:units --backend magento/1.7 --type BackendAdapter --model magento.res.partner");
        assertThat(partner).containsPattern("BackendAdapter\\s+\\|\\s+magento.res.partner\\s+\\|\\s+"
                + "io.connector.magento.adapter.PartnerAdapter\\s+\\|\\s+magento/1.7\\s+\\|\\s+io.connector.magento-1.7 [^|]+\\|"
                + "\\s+wins, registered on magento/1.7").doesNotContain("WARNING");

        assertThat(execute("connector:units --backend magento/1.7-specific --type BackendAdapter --model magento.sale.order"))
                .containsPattern("io.connector.magento.adapter.SaleOrderAdapter\\s+\\|\\s+magento/1.7\\s+\\|"
                        + "\\s+io.connector.magento-1.7 [^|]+\\|\\s+wins, inherited from magento/1.7");

        assertThat(execute("connector:units --backend magento --type BackendAdapter"))
                .isEqualToIgnoringWhitespace("Backend magento (magento) no units");

        Backends backends = service(Backends.class);
        EnvironmentFactory environments = service(EnvironmentFactory.class);
        try (Environment v17 = environments.open(new TestShop(backends.get("magento/1.7")), PARTNER)) {
            assertThat(v17.unit(BackendAdapter.class).getClass().getName())
                    .isEqualTo("io.connector.magento.v17.internal.adapter.PartnerAdapter");
        }
        try (Environment generic = environments.open(new TestShop(backends.get("magento")), PARTNER)) {
            assertThatThrownBy(() -> generic.unit(BackendAdapter.class)).isInstanceOf(NoUnitException.class)
                    .hasMessage("No unit of type io.connector.api.unit.BackendAdapter for model 'magento.res.partner' on backend "
                            + "magento (searched magento)");
            assertThat(generic.unit(ImportMapper.class).getClass().getName()).as("the mapper is the generic backend's")
                    .isEqualTo("io.connector.magento.internal.mapper.StandardPartnerImportMapper");
        }
    }

    @Test
    public void badArgumentsGetOneClearLine() {
        assertThatThrownBy(() -> execute("connector:units --backend magento/9"))
                .hasMessage("Unknown backend 'magento/9'. Declared backends: magento, magento/1.7, magento/1.7-specific");
        assertThatThrownBy(() -> execute("connector:units --type Importer"))
                .hasMessage("Unknown unit type 'Importer'. Types of installed units: BackendAdapter, BatchImporter, Binder, ExportMapper, Exporter, ImportMapper, RecordImporter");
        assertThatThrownBy(() -> execute("connector:units --model res.nothing"))
                .hasMessageStartingWith("Unknown model 'res.nothing': no installed unit serves it. Models served: ")
                .hasMessageContaining("magento.res.partner");
    }
}
