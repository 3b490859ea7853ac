package io.connector.magento.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A category tree below "Default Category" (2), itself below "Root Catalog" (1): a few top
 * categories at level 2, the rest hung under a random one down to level 4. The fields Magento
 * derives from the tree (path, children, all_children, children_count, url_path) are filled on
 * the categories made here; categories already in the store are left as they are.
 */
final class CategoryGenerator {

    static final String DEFAULT_CATEGORY_ID = "2";
    private static final int TOP_CATEGORIES = 6;
    private static final int DEEPEST_LEVEL = 4;

    private final DataStore store;
    private final Random random;
    private final GeneratedDates dates;

    CategoryGenerator(DataStore store, Random random, GeneratedDates dates) {
        this.store = store;
        this.random = random;
        this.dates = dates;
    }

    void generate(int count) {
        RecordTable categories = store.categories();
        Set<String> before = new HashSet<>(categories.ids());
        ensureRoots();
        Map<String, Integer> childCounts = new HashMap<>();
        for (Map<String, Object> record : categories.records()) {
            childCounts.merge(Values.text(record.get("parent_id")), 1, Integer::sum);
        }
        List<String> deepenable = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String parentId = i < TOP_CATEGORIES || deepenable.isEmpty() ? DEFAULT_CATEGORY_ID : SampleData.pick(random, deepenable);
            Map<String, Object> parent = categories.get(parentId).orElseThrow();
            int level = Integer.parseInt(Values.text(parent.get("level"))) + 1;
            String name = level == 2 ? SampleData.TOP_CATEGORIES.get(i % SampleData.TOP_CATEGORIES.size())
                    : SampleData.pick(random, SampleData.SUB_CATEGORIES);
            int position = childCounts.merge(parentId, 1, Integer::sum);
            String id = categories.nextId();
            String parentUrl = Values.text(parent.get("url_path"));
            String urlKey = SampleData.slug(name);
            LocalDateTime created = dates.created();
            Map<String, Object> r = record(id, Integer.parseInt(parentId), name, Integer.toString(level), Integer.toString(position),
                    created, dates.updatedAfter(created));
            r.put("url_key", urlKey);
            r.put("path", parent.get("path") + "/" + id);
            r.put("url_path", (parentUrl == null ? "" : parentUrl.replaceAll("\\.html$", "") + "/") + urlKey + ".html");
            r.put("display_mode", "PRODUCTS");
            r.put("is_anchor", "1");
            r.put("custom_use_parent_settings", "0");
            r.put("custom_apply_to_products", "0");
            r.put("page_layout", level == 2 ? "one_column" : "three_columns");
            categories.put(id, r);
            if (level < DEEPEST_LEVEL) {
                deepenable.add(id);
            }
        }
        fillTreeFields(before);
    }

    /** "Root Catalog" (1) and "Default Category" (2), as the recorded shop has them. */
    private void ensureRoots() {
        LocalDateTime created = LocalDateTime.of(2013, 1, 14, 10, 12, 53);
        if (!store.categories().contains("1")) {
            Map<String, Object> root = record("1", 0, "Root Catalog", "0", "0", created, created);
            root.put("is_active", null);
            root.put("path", "1");
            store.categories().put("1", root);
        }
        if (!store.categories().contains(DEFAULT_CATEGORY_ID)) {
            Map<String, Object> base = record(DEFAULT_CATEGORY_ID, 1, "Default Category", "1", "1", created, created);
            base.put("path", "1/2");
            base.put("display_mode", "PRODUCTS_AND_PAGE");
            base.put("is_anchor", "0");
            base.put("custom_apply_to_products", "0");
            store.categories().put(DEFAULT_CATEGORY_ID, base);
        }
    }

    /** A catalog_category.info record with the recorded shop's fields; parent_id is an int there. */
    private static Map<String, Object> record(String id, int parentId, String name, String level, String position,
            LocalDateTime created, LocalDateTime updated) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("category_id", id);
        r.put("is_active", "1");
        r.put("position", position);
        r.put("level", level);
        r.put("parent_id", parentId);
        r.put("increment_id", null);
        r.put("created_at", GeneratedDates.withOffset(created));
        r.put("updated_at", GeneratedDates.naive(updated));
        r.put("name", name);
        r.put("url_key", null);
        for (String empty : List.of("thumbnail", "description", "image", "meta_title", "meta_keywords", "meta_description")) {
            r.put(empty, null);
        }
        r.put("include_in_menu", "1");
        r.put("path", null);
        r.put("all_children", id);
        r.put("path_in_store", null);
        r.put("children", "");
        r.put("url_path", null);
        r.put("children_count", "0");
        r.put("display_mode", null);
        r.put("landing_page", null);
        r.put("is_anchor", null);
        for (String empty : List.of("available_sort_by", "default_sort_by", "filter_price_range", "custom_use_parent_settings",
                "custom_apply_to_products", "custom_design", "custom_design_from", "custom_design_to", "page_layout",
                "custom_layout_update")) {
            r.put(empty, null);
        }
        return r;
    }

    /** children (direct, comma-separated), all_children (itself and below) and children_count (below). */
    private void fillTreeFields(Set<String> leaveAlone) {
        RecordTable categories = store.categories();
        Map<String, List<String>> children = new HashMap<>();
        for (String id : categories.ids()) {
            String parent = Values.text(categories.get(id).orElseThrow().get("parent_id"));
            if (!id.equals(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(id);
            }
        }
        for (String id : categories.ids()) {
            if (leaveAlone.contains(id)) {
                continue;
            }
            List<String> below = new ArrayList<>();
            collect(id, children, below, 0);
            List<String> all = new ArrayList<>();
            all.add(id);
            all.addAll(below);
            categories.update(id, r -> {
                r.put("children", String.join(",", children.getOrDefault(id, List.of())));
                r.put("all_children", String.join(",", all));
                r.put("children_count", Integer.toString(below.size()));
            });
        }
    }

    private static void collect(String id, Map<String, List<String>> children, List<String> into, int depth) {
        if (depth > 64) {
            return;
        }
        for (String child : children.getOrDefault(id, List.of())) {
            into.add(child);
            collect(child, children, into, depth + 1);
        }
    }
}
