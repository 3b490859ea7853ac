package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The tutorial's addon ({@code examples/attribute-sets}), built by this reactor, installed into a
 * running Karaf from the shell: its units resolve for {@code magento/1.7}, its import brings the
 * simulator's attribute sets, its consumer hears an operator's rename and not the import's writes,
 * a set renamed in the shop is updated by the next import, and uninstalling it takes its units and
 * its import away, with no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TutorialAddonIT extends MagentoTestSupport {

    private static final String JAR = "tutorial.addon.jar";
    private static final String PACKAGE = "io.connector.examples.attributesets.";
    private static final String SET = "product.attribute.set";
    private static final String BINDING = "magento.product.attribute.set";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        File jar = new File(System.getProperty(JAR));
        if (!jar.isFile()) {
            throw new IllegalStateException("The tutorial's addon is not built: " + jar);
        }
        List<Option> options = karafWithSimulator();
        options.add(systemProperty(JAR).value(jar.getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theAddonImportsAttributeSetsHearsARenameAndLeavesWithoutARestart() throws Exception {
        addShop("shop", "magento/1.7");
        String installed = execute("bundle:install -s file:" + System.getProperty(JAR));
        Matcher bundle = Pattern.compile("Bundle ID: (\\d+)").matcher(installed);
        assertThat(bundle.find()).as(installed).isTrue();

        // Its units: the adapter on magento/1.7, the rest on magento, which magento/1.7 inherits.
        String onMagento17 = units("magento/1.7");
        assertThat(onMagento17).containsPattern(wins("AttributeSetAdapter", "magento/1.7"));
        for (String unit : List.of("AttributeSetBatchImporter", "AttributeSetImporter", "AttributeSetImportMapper", "AttributeSetBinder")) {
            assertThat(onMagento17).containsPattern(wins(unit, "magento"));
        }
        assertThat(units("magento")).containsPattern(wins("AttributeSetImporter", "magento")).doesNotContain("AttributeSetAdapter");
        assertThat(execute("connector:import shop")).contains("attribute-sets", BINDING);

        assertThat(execute("connector:import --wait shop attribute-sets")).contains("Done: ", "failed: 0");
        assertThat(names()).containsOnly("Default", "Shoes", "Bags & Luggage", "Accessories", "Electronics", "Clothing");
        Map<String, Map<String, Object>> bindings = bindings();
        assertThat(bindings).containsOnlyKeys("4", "9", "10", "11", "12", "13");
        assertThat(bindings.get("9")).containsEntry("name", "Shoes");
        assertThat(magentoName("9")).isEqualTo("Shoes");
        assertThat(execute("connector:checkpoints")).as("the import's own writes ask for no review").contains("No checkpoints");

        // The consumer: an operator renames a set that Magento keeps naming.
        Object shoes = bindings.get("9").get("record_id");
        Object bags = bindings.get("10").get("record_id");
        assertThat(execute("connector:record-write " + SET + " " + shoes + " name=Footwear")).contains("Wrote " + SET + " " + shoes);
        assertThat(execute("connector:checkpoints")).contains(SET, "renamed here to 'Footwear'", "Magento keeps 'Shoes'", "set 9");

        // Renamed in the shop: the next import updates it, and names set 9 as Magento does again, without a review.
        renameInShop("10", "Bags");
        try {
            assertThat(execute("connector:import --wait shop attribute-sets")).contains("Done: ", "failed: 0");
            bindings = bindings();
            assertThat(bindings.get("10")).containsEntry("name", "Bags").containsEntry("record_id", bags);
            assertThat(magentoName("10")).isEqualTo("Bags");
            assertThat(bindings.get("9")).containsEntry("name", "Shoes");
            assertThat(names()).hasSize(6);
            assertThat(json("connector:records --json connector.checkpoint")).hasSize(1);
        } finally {
            renameInShop("10", "Bags & Luggage");
        }

        execute("bundle:uninstall " + bundle.group(1));
        assertThat(units("magento/1.7")).doesNotContain(PACKAGE);
        assertThatThrownBy(() -> execute("connector:import shop attribute-sets")).hasMessageContaining("Unknown import 'attribute-sets'");
        assertThat(execute("connector:import shop")).doesNotContain("attribute-sets").contains("customer-groups");
    }

    private String units(String backend) throws Exception {
        return execute("connector:units --backend " + backend);
    }

    /** A row of connector:units: the unit, the level it is registered on, its bundle, and that it wins. */
    private static Pattern wins(String unit, String level) {
        return Pattern.compile(Pattern.quote(PACKAGE + unit) + "\\s+\\|\\s+" + Pattern.quote(level) + "\\s+\\|[^|]+\\|\\s+wins");
    }

    private List<Object> names() throws Exception {
        return json("connector:records --json " + SET).stream().map(set -> set.get("name")).toList();
    }

    /** The shop's bindings of sets, with the fields of the sets they bind, by Magento's set id. */
    private Map<String, Map<String, Object>> bindings() throws Exception {
        return json("connector:bindings --json shop " + BINDING).stream()
                .collect(Collectors.toMap(binding -> binding.get("external_id").toString(), Function.identity()));
    }

    /** What the binding keeps of Magento's set: its name as Magento has it. */
    private Object magentoName(String setId) throws Exception {
        List<Map<String, Object>> binding = json("connector:records --json --where external_id=" + setId + " " + BINDING);
        assertThat(binding).as("binding of set " + setId).hasSize(1);
        return binding.get(0).get("magento_name");
    }

    /** As the shop's admin would: Magento's API cannot rename a set, the simulator's records endpoint can. */
    private static void renameInShop(String setId, String name) throws Exception {
        URI api = URI.create(simulator());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api.getScheme() + "://" + api.getAuthority()
                + "/records/attribute_sets/" + setId)).timeout(Duration.ofSeconds(10))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
