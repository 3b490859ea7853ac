package io.connector.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.store.RecordStore;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The record store in a real Karaf: the feature's default embedded H2 under the data folder,
 * backends configured from the shell, and an addon bundle that adds fields.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreIT extends ConnectorTestSupport {

    @Inject
    RecordStore store;

    @Inject
    BackendRecords backends;

    @Configuration
    public Option[] config() {
        List<Option> options = karaf();
        options.add(features(featuresUrl(), "connector-magento"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theFeatureGivesAnEmbeddedH2DatabaseUnderTheDataFolder() throws Exception {
        assertThat(execute("jdbc:ds-list")).contains("connector").contains("H2").contains("OK");
        String info = execute("jdbc:ds-info connector");
        assertThat(info).contains("jdbc:h2:file:").contains(System.getProperty("karaf.data") + "/connector/store");
        long id = store.inTransaction(s -> s.create("res.partner", Map.of("name", "Stored in H2")));
        assertThat(store.inTransaction(s -> s.read("res.partner", id)).orElseThrow()).containsEntry("name", "Stored in H2");
        assertThat(execute("connector:models")).contains("res.partner", "magento.res.partner", "io.connector.connector-core",
                "io.connector.magento-backend");
    }

    @Test
    public void backendsAreConfiguredFromTheShellWithoutShowingThePassword() throws Exception {
        String added = execute("connector:backend-add --location http://127.0.0.1:8069/shop "
                + "--username api --password s3cr3t-key --option sale.prefix=mag- shop1 magento/1.7");
        assertThat(added).startsWith("Backend shop1 added: magento/1.7 at http://127.0.0.1:8069/shop, id ");
        BackendRecord shop1 = waitFor(() -> backends.find("shop1"));
        assertThat(shop1.backend().name()).isEqualTo("magento/1.7");
        assertThat(shop1.password()).isEqualTo("s3cr3t-key");
        assertThat(shop1.option("sale.prefix")).contains("mag-");
        assertThat(shop1.option(".password")).isEmpty();

        String list = execute("connector:backend-list");
        assertThat(list).contains("shop1", "magento/1.7", "http://127.0.0.1:8069/shop", "api", shop1.id(), "ok")
                .doesNotContain("s3cr3t-key");
        assertThat(execute("config:list '(service.factoryPid=io.connector.backend)'")).doesNotContain("s3cr3t");
        assertThat(execute("service:list io.connector.api.BackendRecords")).doesNotContain("s3cr3t");

        assertThatThrownBy(() -> execute("connector:backend-add --location http://x --password k shop2 magento/9.9"))
                .hasMessageStartingWith("Unknown backend version 'magento/9.9'. Declared backends: magento, magento/1.7");
        assertThatThrownBy(() -> execute("connector:backend-add --location http://x --password k shop1 magento/1.7"))
                .hasMessage("A backend called 'shop1' is already configured");
        assertThatThrownBy(() -> execute("connector:backend-add --location http://x 'bad name' magento/1.7"))
                .hasMessageStartingWith("Invalid backend name 'bad name'");
        assertThatThrownBy(() -> execute("connector:backend-remove nowhere"))
                .hasMessageStartingWith("No backend called 'nowhere' is configured. Configured backends: shop1");

        String id = shop1.id();
        long binding = store.inTransaction(s -> s.upsertBinding("magento.res.partner", id, "136", Map.of("name", "John Doe")));
        assertThat(execute("connector:bindings shop1 magento.res.partner")).contains(Long.toString(binding), "136", "John Doe");
        assertThat(execute("connector:bindings --external-id 999 shop1 magento.res.partner"))
                .contains("No magento.res.partner bindings for backend shop1");

        assertThat(execute("connector:backend-remove shop1")).isEqualTo("Backend shop1 removed; its bindings stay under id "
                + id + System.lineSeparator());
        assertThat(execute("connector:backend-list")).doesNotContain("shop1");
    }

    @Test
    public void anAddonBundleAddsFieldsAndUninstallingItKeepsTheirData() throws Exception {
        assertThat(execute("connector:models res.partner")).doesNotContain("gender");
        Bundle addon = bundleContext.installBundle("mvn:io.connector/magento-specific/" + System.getProperty("itest.version"));
        addon.start();
        try {
            String fields = execute("connector:models res.partner");
            assertThat(fields).containsPattern("gender\\s+\\|\\s+selection\\s+\\|\\s+male\\|female")
                    .contains("io.connector.magento-specific");
            assertThat(execute("connector:models magento.res.partner")).contains("created_in");
            long binding = store.inTransaction(s -> s.upsertBinding("magento.res.partner", "itest-backend", "7",
                    Map.of("name", "Jane Roe", "gender", "female", "created_in", "French Store View")));
            assertThat(store.inTransaction(s -> s.read("magento.res.partner", binding)).orElseThrow())
                    .containsEntry("gender", "female").containsEntry("created_in", "French Store View");

            addon.uninstall();
            assertThat(execute("connector:models res.partner")).doesNotContain("gender");
            assertThat(store.inTransaction(s -> s.read("magento.res.partner", binding)).orElseThrow())
                    .doesNotContainKeys("gender", "created_in").containsEntry("name", "Jane Roe");

            addon = bundleContext.installBundle("mvn:io.connector/magento-specific/" + System.getProperty("itest.version"));
            addon.start();
            assertThat(store.inTransaction(s -> s.read("magento.res.partner", binding)).orElseThrow())
                    .as("the data was kept").containsEntry("gender", "female").containsEntry("created_in", "French Store View");
        } finally {
            if (addon.getState() != Bundle.UNINSTALLED) {
                addon.uninstall();
            }
        }
    }

    @Test
    public void checkpointsAreListedAndReviewedFromTheShell() throws Exception {
        execute("connector:backend-add --location http://127.0.0.1:1 --password k shop3 magento/1.7");
        BackendRecord shop3 = waitFor(() -> backends.find("shop3"));
        long id = store.inTransaction(s -> s.create("connector.checkpoint", Map.of("backend_id", shop3.id(),
                "model", "magento.storeview", "message", "New store view 'French'")));
        assertThat(execute("connector:checkpoints --backend shop3")).contains(Long.toString(id), "shop3", "magento.storeview",
                "New store view 'French'", "need-review");
        assertThat(execute("connector:checkpoint-review " + id)).isEqualTo("Checkpoint " + id + " reviewed by itest"
                + System.lineSeparator());
        assertThat(execute("connector:checkpoints --backend shop3")).contains("No checkpoints in state need-review");
        assertThat(execute("connector:checkpoints --state reviewed")).contains("New store view 'French'", "itest");
        assertThatThrownBy(() -> execute("connector:checkpoint-review " + id)).hasMessageContaining("was already reviewed by itest");
        execute("connector:backend-remove shop3");
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> lookup) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not there after 10 s");
    }
}
