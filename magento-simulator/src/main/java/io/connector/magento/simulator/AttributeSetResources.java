package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product attribute sets, as Magento 1.9's {@code catalog_product_attribute_set.list} (alias
 * {@code product_attribute_set.list}) answers them: every set of the product entity,
 * {@code [{set_id: "4", name: "Default"}, ...]}, ids as text, no arguments, no filter. Magento's
 * API has no {@code info} nor {@code search} for them, and no rename: a test renames a set in the
 * store ({@link DataStore#attributeSets()}, or {@code PATCH /records/attribute_sets/ID}).
 */
final class AttributeSetResources {

    /**
     * The sets every simulated shop has unless its data says otherwise: Magento's Default (4) and
     * sets named after the 1.9 sample shop, covering every {@code set} the recorded products (11,
     * 13) and the generated ones (4, 9, 11, 13) name.
     */
    static final Map<String, String> DEFAULTS = defaults();

    private final DataStore store;

    AttributeSetResources(DataStore store) {
        this.store = store;
    }

    private static Map<String, String> defaults() {
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("4", "Default");
        sets.put("9", "Shoes");
        sets.put("10", "Bags & Luggage");
        sets.put("11", "Accessories");
        sets.put("12", "Electronics");
        sets.put("13", "Clothing");
        return sets;
    }

    /** Adds each default set whose id is free: a shop always has its sets, and a loaded or changed one stays. */
    static void ensure(DataStore store) {
        DEFAULTS.forEach((id, name) -> {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("set_id", id);
            set.put("name", name);
            store.attributeSets().putIfAbsent(id, null, set);
        });
    }

    void register(ApiMethods api) {
        api.add("catalog_product_attribute_set.list", args -> list());
        api.add("product_attribute_set.list", args -> list());
    }

    /** In id order (Magento lists them by primary key), each with just the two fields Magento's list answers. */
    private List<Map<String, Object>> list() {
        List<Map<String, Object>> sets = new ArrayList<>();
        RecordTable table = store.attributeSets();
        for (String id : table.ids()) {
            table.get(id).ifPresent(record -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("set_id", id);
                item.put("name", Values.text(record.get("name")));
                sets.add(item);
            });
        }
        return sets;
    }
}
