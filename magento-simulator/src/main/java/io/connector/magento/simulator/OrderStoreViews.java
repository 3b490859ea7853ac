package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The store views orders are placed in (all but the admin one), and the store_name Magento writes for each. */
final class OrderStoreViews {

    private static final String ADMIN = "0";
    private static final String DEFAULT_VIEW = "1";

    private final DataStore store;
    private final List<Map<String, Object>> views;

    OrderStoreViews(DataStore store) {
        this.store = store;
        this.views = store.storeViews().records().stream().filter(v -> !ADMIN.equals(Values.text(v.get("store_id")))).toList();
    }

    /** One of the website's store views, or of any website when the buyer has none (a guest). */
    String pick(Random random, String websiteId) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> view : views) {
            if (websiteId == null || websiteId.equals(Values.text(view.get("website_id")))) {
                ids.add(Values.text(view.get("store_id")));
            }
        }
        if (ids.isEmpty()) {
            return websiteId == null ? DEFAULT_VIEW : pick(random, null);
        }
        return SampleData.pick(random, ids);
    }

    /** "Main Website\nMadison Island\nEnglish": the website's, the store's and the view's names, as the recordings have it. */
    String storeName(String storeId) {
        Optional<Map<String, Object>> view = store.storeViews().get(storeId);
        Optional<Map<String, Object>> group = view.flatMap(v -> store.groups().get(Values.text(v.get("group_id"))));
        Optional<Map<String, Object>> website = view.flatMap(v -> store.websites().get(Values.text(v.get("website_id"))));
        return name(website) + "\n" + name(group) + "\n" + name(view);
    }

    private static String name(Optional<Map<String, Object>> record) {
        return record.map(r -> Values.text(r.get("name"))).orElse("");
    }
}
