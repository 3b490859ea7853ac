package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product categories: {@code catalog_category.tree} builds the nested tree from each record's
 * parent_id and position, {@code catalog_category.info} answers the record (fault 102 when
 * missing), {@code oerp_catalog_category.search} the ids a filter selects.
 */
final class CategoryResources {

    /** Magento's fixed root of every category tree. */
    static final String TREE_ROOT_ID = "1";
    private static final String NOT_FOUND = "Requested category not found.";

    private final DataStore store;

    CategoryResources(DataStore store) {
        this.store = store;
    }

    void register(ApiMethods api) {
        RecordTable categories = store.categories();
        api.add("catalog_category.info", args -> Lookups.select(
                Lookups.info(categories, args.text(0), Lookups.storeViewId(store, args.get(1)), 102, NOT_FOUND),
                args.names(2), "category_id"));
        api.add("catalog_category.tree", args -> tree(args.text(0), Lookups.storeViewId(store, args.get(1))));
        api.add("oerp_catalog_category.search", args -> Lookups.searchIds(categories, args.get(0)));
    }

    private Map<String, Object> tree(String parentId, String storeViewId) throws ApiFault {
        RecordTable categories = store.categories();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (String id : categories.ids()) {
            Map<String, Object> record = categories.get(id, storeViewId).orElseThrow();
            byId.put(id, record);
            children.computeIfAbsent(Values.text(record.get("parent_id")), p -> new ArrayList<>()).add(id);
        }
        String root = parentId != null ? parentId : defaultRoot(byId);
        if (root == null || !byId.containsKey(root)) {
            throw new ApiFault(102, NOT_FOUND);
        }
        Comparator<String> byPosition = Comparator.comparing((String id) -> Values.decimal(byId.get(id).get("position")))
                .thenComparing(NaturalOrder.INSTANCE);
        children.values().forEach(ids -> ids.sort(byPosition));
        return node(root, byId, children, 0);
    }

    /** Category 1, or else the first whose parent is not a category. */
    private static String defaultRoot(Map<String, Map<String, Object>> byId) {
        if (byId.containsKey(TREE_ROOT_ID)) {
            return TREE_ROOT_ID;
        }
        for (Map.Entry<String, Map<String, Object>> entry : byId.entrySet()) {
            if (!byId.containsKey(Values.text(entry.getValue().get("parent_id")))) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** A tree node as Magento's category API builds one: text values, children in position order. */
    private static Map<String, Object> node(String id, Map<String, Map<String, Object>> byId, Map<String, List<String>> children, int depth) {
        Map<String, Object> record = byId.get(id);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("category_id", id);
        node.put("parent_id", Values.text(record.get("parent_id")));
        node.put("name", record.get("name"));
        node.put("is_active", Values.text(record.get("is_active")));
        node.put("position", Values.text(record.get("position")));
        node.put("level", Values.text(record.get("level")));
        List<Map<String, Object>> nodes = new ArrayList<>();
        // A parent_id loop in hand-made data must not recurse forever.
        if (depth < 64) {
            for (String child : children.getOrDefault(id, List.of())) {
                if (!child.equals(id)) {
                    nodes.add(node(child, byId, children, depth + 1));
                }
            }
        }
        node.put("children", nodes);
        return node;
    }
}
