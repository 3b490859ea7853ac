package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A category between the store's form ({@code catalog_category.info}) and Magento 2's
 * ({@code categories/{id}}): the tree fields typed (level and position integers, is_active and
 * include_in_menu booleans, children a CSV string) and every other attribute with a value in
 * {@code custom_attributes}, path and children_count included, as Magento 2 answers them.
 *
 * <p>The custom attributes come in the order of the record's fields, so a record the 2.x
 * recordings seeded answers them in the recorded order: {@link #record} puts them first.
 */
final class RestCategoryShape {

    /** Fields answered beside custom_attributes, or not at all. path is both. */
    private static final Set<String> NOT_CUSTOM = Set.of("category_id", "entity_id", "id", "parent_id", "name", "is_active", "position",
            "level", "children", "created_at", "updated_at", "available_sort_by", "include_in_menu", "increment_id", "all_children",
            "path_in_store", "product_count", "children_data", "custom_attributes", "extension_attributes");

    private RestCategoryShape() {
    }

    /** @param children the CSV of the category's children, for a record that does not hold it */
    static ObjectNode category(String id, Map<String, Object> record, String children) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "parent_id", RestJson.number(record.get("parent_id")));
        RestJson.put(json, "name", RestJson.text(record.get("name")));
        RestJson.put(json, "is_active", RestJson.bool(record.get("is_active")));
        RestJson.put(json, "position", RestJson.number(record.get("position")));
        RestJson.put(json, "level", RestJson.number(record.get("level")));
        Object storedChildren = record.get("children");
        json.put("children", storedChildren != null ? Values.text(storedChildren) : children);
        RestJson.put(json, "created_at", RestJson.date(record.get("created_at")));
        RestJson.put(json, "updated_at", RestJson.date(record.get("updated_at")));
        RestJson.put(json, "path", RestJson.text(record.get("path")));
        json.set("available_sort_by", sortBy(record.get("available_sort_by")));
        RestJson.put(json, "include_in_menu", RestJson.bool(record.get("include_in_menu")));
        json.set("custom_attributes", customAttributes(record, NOT_CUSTOM));
        return json;
    }

    /** {@code [{"attribute_code": ..., "value": ...}]} of the record's other fields with a value, in its order. */
    static ArrayNode customAttributes(Map<String, Object> record, Set<String> notCustom) {
        ArrayNode attributes = RestJson.array();
        record.forEach((field, value) -> {
            if (value != null && !notCustom.contains(field)) {
                ObjectNode attribute = attributes.addObject();
                attribute.put("attribute_code", field);
                attribute.set("value", value instanceof List<?> || value instanceof Map<?, ?> ? RestJson.of(value) : RestJson.text(value));
            }
        });
        return attributes;
    }

    /** A list, or Magento 1's comma-separated text; none is []. */
    private static ArrayNode sortBy(Object value) {
        ArrayNode list = RestJson.array();
        if (value instanceof List<?> items) {
            items.forEach(item -> list.add(Values.text(item)));
        } else if (value != null && !Values.text(value).isEmpty()) {
            for (String item : Values.text(value).split(",")) {
                list.add(item.trim());
            }
        }
        return list;
    }

    /** The record of a recorded category: its custom attributes first, in their order, then the tree fields. */
    static Map<String, Object> record(JsonNode json) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (JsonNode attribute : json.path("custom_attributes")) {
            record.put(attribute.path("attribute_code").asText(), RestJson.toStore(attribute.get("value")));
        }
        record.put("category_id", RestJson.toStore(json.get("id")));
        record.put("is_active", RestJson.toStore(json.get("is_active")));
        record.put("position", RestJson.toStore(json.get("position")));
        record.put("level", RestJson.toStore(json.get("level")));
        // catalog_category.info answers parent_id as an int.
        record.put("parent_id", json.path("parent_id").isNumber() ? json.get("parent_id").intValue() : RestJson.toStore(json.get("parent_id")));
        record.put("created_at", RestJson.toStore(json.get("created_at")));
        record.put("updated_at", RestJson.toStore(json.get("updated_at")));
        record.put("name", RestJson.toStore(json.get("name")));
        record.put("path", RestJson.toStore(json.get("path")));
        record.put("children", RestJson.toStore(json.get("children")));
        record.put("available_sort_by", RestJson.toStore(json.get("available_sort_by")));
        record.put("include_in_menu", RestJson.toStore(json.get("include_in_menu")));
        return record;
    }
}
