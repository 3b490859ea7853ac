package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded shop's structure: the admin website, store and store view (id 0), one website
 * "Main Website" with one store and three store views (English, French, German), Magento's
 * default customer groups. Added only where an id is free.
 */
final class StoreStructureGenerator {

    private StoreStructureGenerator() {
    }

    static void ensure(DataStore store) {
        website(store, "0", "admin", "Admin", "0", "0");
        website(store, "1", "base", "Main Website", "1", "1");
        group(store, "0", "0", "Default", "0", "0");
        group(store, "1", "1", "Madison Island", "2", "1");
        storeView(store, "0", "admin", "0", "0", "Admin");
        storeView(store, "1", "default", "1", "1", "English");
        storeView(store, "2", "french", "1", "1", "French");
        storeView(store, "3", "german", "1", "1", "German");
        customerGroup(store, "0", "NOT LOGGED IN", "10");
        customerGroup(store, "1", "General", "3");
        customerGroup(store, "2", "Wholesale", "5");
        customerGroup(store, "3", "Retailer", "3");
        customerGroup(store, "4", "VIP Member", "3");
    }

    private static void website(DataStore store, String id, String code, String name, String defaultGroup, String isDefault) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("website_id", id);
        r.put("code", code);
        r.put("name", name);
        r.put("sort_order", "0");
        r.put("default_group_id", defaultGroup);
        r.put("is_default", isDefault);
        r.put("is_staging", "0");
        r.put("master_login", null);
        r.put("master_password", null);
        r.put("visibility", null);
        store.websites().putIfAbsent(id, null, r);
    }

    private static void group(DataStore store, String id, String website, String name, String rootCategory, String defaultStore) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("group_id", id);
        r.put("website_id", website);
        r.put("name", name);
        r.put("root_category_id", rootCategory);
        r.put("default_store_id", defaultStore);
        store.groups().putIfAbsent(id, null, r);
    }

    private static void storeView(DataStore store, String id, String code, String website, String group, String name) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("store_id", id);
        r.put("code", code);
        r.put("website_id", website);
        r.put("group_id", group);
        r.put("name", name);
        r.put("sort_order", "0");
        r.put("is_active", "1");
        store.storeViews().putIfAbsent(id, null, r);
    }

    private static void customerGroup(DataStore store, String id, String code, String taxClass) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("customer_group_id", id);
        r.put("customer_group_code", code);
        r.put("tax_class_id", taxClass);
        store.customerGroups().putIfAbsent(id, null, r);
    }
}
