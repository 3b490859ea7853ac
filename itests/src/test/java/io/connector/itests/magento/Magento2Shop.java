package io.connector.itests.magento;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.connector.magento.simulator.MagentoSimulator;

/**
 * The recorded Magento 2 shop, served by the simulator over REST in the test driver's JVM: seeded
 * from the 2.x recordings, the reference's integration token its token.
 */
public final class Magento2Shop {

    public static final String TOKEN = MagentoSimulator.DEFAULT_TOKEN;

    private static MagentoSimulator simulator;

    private Magento2Shop() {
    }

    public static synchronized String url() {
        if (simulator == null) {
            Path cassettes = Path.of(System.getProperty("cassettes.dir", "../../shared/magento/cassettes/1.9")).resolveSibling("2.x");
            // Order 9 as it was when new (import_sale_order_9), not as the edit into order 10 left it
            // (cancelled, import_sale_order_10, which sorts first): a test edits it as Magento does.
            simulator = MagentoSimulator.builder().token(TOKEN).seedFromCassettes(cassettes)
                    .seedFromCassettes(cassettes.resolve("import_sale_order_9.json")).start();
            addLinkedCategory(simulator);
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator.url();
    }

    /**
     * The recorded product 24-WG02 links category 6, which the reference had imported before the
     * recording, so no recording reads it: the shop has it, as a child of the default category.
     */
    private static void addLinkedCategory(MagentoSimulator simulator) {
        var categories = simulator.store().categories();
        if (categories.contains("6")) {
            return;
        }
        Map<String, Object> sibling = new HashMap<>(categories.get("7").orElseThrow());
        sibling.putAll(Map.of("category_id", "6", "entity_id", "6", "name", "Category 6", "parent_id", "2", "path", "1/2/6",
                "level", "2"));
        categories.put("6", sibling);
    }
}
