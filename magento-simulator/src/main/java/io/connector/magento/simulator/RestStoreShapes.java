package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Websites, store groups, store views and store configurations between the store's form
 * ({@code ol_websites.info}, {@code ol_groups.info}, {@code ol_storeviews.info}) and Magento 2's
 * ({@code store/websites}, {@code store/storeGroups}, {@code store/storeViews},
 * {@code store/storeConfigs}). A store view's configuration (locale, currencies, time zone, base
 * URLs) lives on its record; what a Magento 1 record has not is Magento's default for it. The
 * base URLs point at the simulator itself, whatever host the record names, so that a client
 * that downloads images from base_media_url reaches it.
 */
final class RestStoreShapes {

    private static final Pattern URL_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*/");
    private static final Map<String, String> LOCALES = Map.of("french", "fr_FR", "german", "de_DE", "fr", "fr_FR", "de", "de_DE");
    private static final List<String> CONFIG_TEXT = List.of("locale", "base_currency_code", "default_display_currency_code", "timezone",
            "weight_unit");
    private static final List<String> CONFIG_URLS = List.of("base_url", "base_link_url", "base_static_url", "base_media_url",
            "secure_base_url", "secure_base_link_url", "secure_base_static_url", "secure_base_media_url");

    private RestStoreShapes() {
    }

    static ObjectNode website(String id, Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "code", RestJson.text(record.get("code")));
        RestJson.put(json, "name", RestJson.text(record.get("name")));
        RestJson.put(json, "default_group_id", RestJson.number(record.get("default_group_id")));
        return json;
    }

    static ObjectNode group(String id, Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "website_id", RestJson.number(record.get("website_id")));
        RestJson.put(json, "root_category_id", RestJson.number(record.get("root_category_id")));
        RestJson.put(json, "default_store_id", RestJson.number(record.get("default_store_id")));
        RestJson.put(json, "name", RestJson.text(record.get("name")));
        Object code = record.get("code");
        // Magento 1 has no group code; Magento 2 makes one of the name.
        json.put("code", code != null ? Values.text(code) : codeOf(Values.text(record.get("name"))));
        return json;
    }

    static ObjectNode storeView(String id, Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "code", RestJson.text(record.get("code")));
        RestJson.put(json, "name", RestJson.text(record.get("name")));
        RestJson.put(json, "website_id", RestJson.number(record.get("website_id")));
        RestJson.put(json, "store_group_id", RestJson.number(record.get("group_id")));
        RestJson.put(json, "is_active", RestJson.number(record.get("is_active")));
        return json;
    }

    /** @param baseUrl the simulator's base URL as the client reached it, ending with "/" */
    static ObjectNode storeConfig(String id, Map<String, Object> record, String baseUrl) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "code", RestJson.text(record.get("code")));
        RestJson.put(json, "website_id", RestJson.number(record.get("website_id")));
        Map<String, String> defaults = configDefaults(Values.text(record.get("code")));
        for (String field : CONFIG_TEXT) {
            Object value = record.get(field);
            json.put(field, value != null ? Values.text(value) : defaults.get(field));
        }
        for (String field : CONFIG_URLS) {
            Object value = record.get(field);
            String url = value != null ? URL_HOST.matcher(Values.text(value)).replaceFirst(Matcher.quoteReplacement(baseUrl)) : baseUrl + defaultPath(field);
            json.put(field, url);
        }
        return json;
    }

    private static Map<String, String> configDefaults(String code) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("locale", code == null ? "en_US" : LOCALES.getOrDefault(code.toLowerCase(Locale.ROOT), "en_US"));
        defaults.put("base_currency_code", "USD");
        defaults.put("default_display_currency_code", "USD");
        // The generated shop's dates are naive UTC.
        defaults.put("timezone", "UTC");
        defaults.put("weight_unit", "lbs");
        return defaults;
    }

    private static String defaultPath(String field) {
        if (field.endsWith("link_url")) {
            return "index.php/";
        }
        if (field.endsWith("static_url")) {
            return "static/";
        }
        return field.endsWith("media_url") ? "media/" : "";
    }

    /** "Main Website Store" is main_website_store. */
    static String codeOf(String name) {
        return name == null ? null : SampleData.slug(name).replace('-', '_');
    }

    static Map<String, Object> websiteRecord(JsonNode json) {
        return RestJson.renamed(json, "website_id", "id", "code", "code", "name", "name", "default_group_id", "default_group_id");
    }

    static Map<String, Object> groupRecord(JsonNode json) {
        return RestJson.renamed(json, "group_id", "id", "website_id", "website_id", "name", "name",
                "root_category_id", "root_category_id", "default_store_id", "default_store_id", "code", "code");
    }

    static Map<String, Object> storeViewRecord(JsonNode json) {
        return RestJson.renamed(json, "store_id", "id", "code", "code", "website_id", "website_id",
                "group_id", "store_group_id", "name", "name", "is_active", "is_active");
    }

    /** A store configuration's fields, to put on its store view's record. */
    static Map<String, Object> configFields(JsonNode json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : CONFIG_TEXT) {
            fields.put(field, RestJson.toStore(json.get(field)));
        }
        for (String field : CONFIG_URLS) {
            fields.put(field, RestJson.toStore(json.get(field)));
        }
        return fields;
    }
}
