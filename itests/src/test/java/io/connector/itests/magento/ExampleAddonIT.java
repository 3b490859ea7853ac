package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The example addon of {@code examples/product-summary}, built by this reactor, dropped into a
 * running Karaf the way an integrator would: from the shell, with imports before and after, no
 * restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExampleAddonIT extends MagentoTestSupport {

    private static final String STANDARD = "io.connector.magento.mapper.ProductImportMapper";
    private static final String ADDON = "io.connector.examples.summary.SummaryProductImportMapper";
    private static final String AVIATOR_SUMMARY = "A timeless accessory staple, the unmistakable teardrop lenses of our "
            + "Aviator sunglasses appeal to everyone from suits to rock stars to citizens of the world.";

    @Configuration
    public Option[] config() {
        File jar = new File(System.getProperty("example.addon.jar"));
        if (!jar.isFile()) {
            throw new IllegalStateException("The example addon is not built: " + jar);
        }
        List<Option> options = karafWithSimulator();
        options.add(systemProperty("example.addon.jar").value(jar.getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    private Map<String, Object> product(String externalId) throws Exception {
        List<Map<String, Object>> bindings = json("connector:bindings --json --external-id " + externalId
                + " shop magento.product.product");
        assertThat(bindings).as("product " + externalId + " imported").hasSize(1);
        return json("connector:records --json --where id=" + bindings.get(0).get("record_id") + " product.product").get(0);
    }

    private String productMapper() throws Exception {
        return execute("connector:units --backend magento/1.7 --type ImportMapper --model magento.product.product");
    }

    @Test
    public void theAddonMapsTheSummaryWhileInstalledAndTheStandardMapperComesBackWithoutARestart() throws Exception {
        addShop("shop", "magento/1.7");
        execute("connector:import --sync shop metadata");
        execute("connector:import-record shop magento.product.product 337");
        assertThat(product("337")).as("standard mapping: no such field").doesNotContainKey("summary");

        String installed = execute("bundle:install -s file:" + System.getProperty("example.addon.jar"));
        Matcher id = Pattern.compile("Bundle ID: (\\d+)").matcher(installed);
        assertThat(id.find()).as(installed).isTrue();
        assertThat(productMapper()).containsPattern(Pattern.quote(ADDON) + "\\s+\\|\\s+magento\\s+\\|[^|]+\\|\\s+wins")
                .containsPattern(Pattern.quote(STANDARD) + "\\s+\\|\\s+magento\\s+\\|[^|]+\\|\\s+replaced by " + Pattern.quote(ADDON));
        assertThat(execute("connector:import-record --force shop magento.product.product 337")).contains("Updated");
        assertThat(product("337")).containsEntry("summary", AVIATOR_SUMMARY).containsEntry("name", "Aviator Sunglasses");

        // Through the batch jobs too: the job workers resolve the addon's mapper.
        assertThat(execute("connector:import --wait shop products")).as("the bundle product 9002 cannot be represented")
                .contains("Done: ", "failed: 1");
        Map<String, Object> cami = product("879");
        assertThat(cami).containsEntry("name", "NoLIta Cami-Pink-L");
        assertThat(cami.get("summary")).asString().startsWith("Cut from tissue-weight silk crepe de chine");

        execute("bundle:uninstall " + id.group(1));
        assertThat(productMapper()).doesNotContain(ADDON).containsPattern(Pattern.quote(STANDARD) + "\\s+\\|\\s+magento\\s+\\|[^|]+\\|\\s+wins");
        assertThat(execute("connector:import-record --force shop magento.product.product 337")).contains("Updated");
        assertThat(product("337")).as("the field went with the addon").doesNotContainKey("summary")
                .containsEntry("name", "Aviator Sunglasses");
    }
}
