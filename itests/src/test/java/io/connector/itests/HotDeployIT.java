package io.connector.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import io.connector.api.Backends;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.ImportMapper;
import io.connector.itests.addon.AddonBundles;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Installs, updates, stops and uninstalls a real addon bundle in the running container and
 * checks that the resolver's answer follows at once, while a synchronization that already holds
 * a unit keeps a working one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends ConnectorTestSupport {

    private static final String PARTNER_CATEGORY = "magento.res.partner.category";
    private static final Map<String, Object> GROUP = Map.of("customer_group_id", "2", "customer_group_code", "Wholesale");
    private static final Map<String, Object> STANDARD = Map.of("name", "Wholesale");
    private static final Map<String, Object> ADDON_1 = Map.of("name", "WHOLESALE", "mapped_by", "addon 1.0.0");
    private static final Map<String, Object> ADDON_2 = Map.of("name", "Group Wholesale", "mapped_by", "addon 2.0.0");

    @Inject
    Backends backends;

    @Inject
    EnvironmentFactory environments;

    /** Waited for: real synchronizations run with the store up. */
    @Inject
    RecordStore store;

    private BackendRecord shop;
    private Bundle addon;

    @Configuration
    public Option[] config() throws IOException {
        File addons = new File(System.getProperty("itest.target", "target"), "addons");
        AddonBundles.write(addons);
        List<Option> options = karaf();
        options.add(features(featuresUrl(), "connector-magento"));
        options.add(systemProperty("itest.addons").value(addons.getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    @Before
    public void shopOn17() {
        shop = new TestShop(backends.get("magento/1.7"));
    }

    @After
    public void removeTheAddon() throws Exception {
        if (addon != null && addon.getState() != Bundle.UNINSTALLED) {
            addon.uninstall();
        }
    }

    private static InputStream addonJar(String version) throws IOException {
        return new FileInputStream(new File(System.getProperty("itest.addons"), "addon-" + version + ".jar"));
    }

    /** What a synchronization starting now would map the customer group to. */
    private Map<String, Object> mappedByANewEnvironment() {
        try (Environment env = environments.open(shop, PARTNER_CATEGORY)) {
            return env.unit(ImportMapper.class).mapRecord(GROUP).values(true);
        }
    }

    @Test
    public void anAddonReplacesTheUnitAtOnceAndRemovingItRestoresTheStandardOne() throws Exception {
        assertThat(mappedByANewEnvironment()).isEqualTo(STANDARD);

        addon = bundleContext.installBundle("itest:addon", addonJar("1.0.0"));
        start(addon);
        assertThat(mappedByANewEnvironment()).as("installed and started").isEqualTo(ADDON_1);
        assertThat(execute("connector:units --backend magento/1.7 --model " + PARTNER_CATEGORY))
                .containsPattern(AddonBundles.COMPONENT + "\\s+\\|\\s+magento\\s+\\|\\s+io.connector.itests.addon 1.0.0[^|]+\\|"
                        + "\\s+wins, inherited from magento")
                .containsPattern(AddonBundles.REPLACED + "\\s+\\|\\s+magento\\s+\\|[^|]+\\|\\s+replaced by " + AddonBundles.COMPONENT);

        addon.update(addonJar("2.0.0"));
        assertThat(mappedByANewEnvironment()).as("updated to new code").isEqualTo(ADDON_2);

        addon.stop();
        assertThat(mappedByANewEnvironment()).as("stopped").isEqualTo(STANDARD);
        start(addon);
        assertThat(mappedByANewEnvironment()).as("started again").isEqualTo(ADDON_2);

        addon.uninstall();
        assertThat(mappedByANewEnvironment()).as("uninstalled").isEqualTo(STANDARD);
        assertThat(execute("connector:units --backend magento/1.7 --model " + PARTNER_CATEGORY))
                .doesNotContain(AddonBundles.COMPONENT).contains("wins, inherited from magento");
    }

    @Test
    public void aRunningSynchronizationKeepsAWorkingViewWhileTheAddonIsReplaced() throws Exception {
        addon = bundleContext.installBundle("itest:addon", addonJar("1.0.0"));
        start(addon);
        try (Environment running = environments.open(shop, PARTNER_CATEGORY);
                Environment openedBeforeTheUpdate = environments.open(shop, PARTNER_CATEGORY)) {
            ImportMapper obtained = running.unit(ImportMapper.class);
            assertThat(obtained.mapRecord(GROUP).values(true)).isEqualTo(ADDON_1);

            addon.update(addonJar("2.0.0"));
            assertThat(obtained.mapRecord(GROUP).values(true)).as("the unit it holds still works").isEqualTo(ADDON_1);
            assertThat(running.unit(ImportMapper.class)).as("and stays its unit").isSameAs(obtained);
            assertThat(openedBeforeTheUpdate.unit(ImportMapper.class).mapRecord(GROUP).values(true))
                    .as("a unit whose bundle went away is looked up again").isEqualTo(ADDON_2);
            assertThat(mappedByANewEnvironment()).isEqualTo(ADDON_2);

            addon.uninstall();
            assertThat(obtained.mapRecord(GROUP).values(true)).as("even after uninstall").isEqualTo(ADDON_1);
            assertThat(mappedByANewEnvironment()).isEqualTo(STANDARD);
        }
    }
}
