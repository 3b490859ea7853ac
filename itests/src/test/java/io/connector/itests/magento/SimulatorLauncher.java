package io.connector.itests.magento;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.magento.simulator.MagentoSimulator;

/**
 * Starts the Magento simulator in the test driver's JVM, once, seeded from the shared cassettes
 * plus the few records the recordings lack (a configurable and a bundle product, customers with
 * broken data). Only the driver loads this class: the container reaches the simulator over HTTP.
 */
public final class SimulatorLauncher {

    public static final String USER = "odoo";
    public static final String API_KEY = "odoo42";

    private static MagentoSimulator simulator;

    private SimulatorLauncher() {
    }

    public static synchronized String url() {
        if (simulator == null) {
            Path cassettes = Path.of(System.getProperty("cassettes.dir", "../../shared/magento/cassettes/1.9"));
            simulator = MagentoSimulator.builder().user(USER).apiKey(API_KEY).seedFromCassettes(cassettes).start();
            addBrokenAndUnsupportedRecords(simulator);
            addOrderToExport(simulator);
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator.url();
    }

    private static void addBrokenAndUnsupportedRecords(MagentoSimulator simulator) {
        var products = simulator.store().products();
        Map<String, Object> aviator = products.get("337").orElseThrow();
        products.put("9001", product(aviator, "9001", "cfg001", "configurable"));
        products.put("9002", product(aviator, "9002", "bdl001", "bundle"));
        products.put("9003", product(aviator, "9003", "ebook01", "downloadable"));
        var customers = simulator.store().customers();
        Map<String, Object> jane = customers.get("136").orElseThrow();
        Map<String, Object> badDate = new HashMap<>(jane);
        badDate.putAll(Map.of("customer_id", "9101", "email", "bad.date@example.com", "updated_at", "yesterday"));
        customers.put("9101", badDate);
        Map<String, Object> noName = new HashMap<>(jane);
        noName.putAll(Map.of("customer_id", "9102", "email", "no.name@example.com"));
        noName.put("firstname", null);
        noName.put("lastname", null);
        customers.put("9102", noName);
        // The customer-specific version maps this shop's gender option ids (123 male, 124 female).
        Map<String, Object> alex = new HashMap<>(jane);
        alex.putAll(Map.of("customer_id", "9103", "email", "alex@example.com", "firstname", "Alex", "lastname", "Martin",
                "gender", "124", "created_in", "French Store View"));
        customers.put("9103", alex);
    }

    /**
     * A copy of the registered customer's recorded order, 100000301, with items of its own, for the
     * exports to work on alone. Marked imported, as the shop's extension marks the orders it gave
     * the connector: the order imports by id and no batch finds it.
     */
    @SuppressWarnings("unchecked")
    private static void addOrderToExport(MagentoSimulator simulator) {
        var orders = simulator.store().orders();
        Map<String, Object> order = new HashMap<>(orders.get("100000201").orElseThrow());
        order.put("increment_id", "100000301");
        order.put("order_id", "381");
        order.put("entity_id", "381");
        order.put("imported", "1");
        List<Object> items = new java.util.ArrayList<>();
        for (Object entry : (List<Object>) order.get("items")) {
            Map<String, Object> item = new HashMap<>((Map<String, Object>) entry);
            item.put("item_id", "3" + item.get("item_id"));
            item.put("order_id", "381");
            if (item.get("parent_item_id") != null) {
                item.put("parent_item_id", "3" + item.get("parent_item_id"));
            }
            items.add(item);
        }
        order.put("items", items);
        orders.put("100000301", order);
    }

    private static Map<String, Object> product(Map<String, Object> base, String id, String sku, String type) {
        Map<String, Object> product = new HashMap<>(base);
        product.putAll(Map.of("product_id", id, "sku", sku, "type", type, "type_id", type, "name", type + " " + sku,
                "categories", List.of("18"), "category_ids", List.of("18")));
        return product;
    }
}
