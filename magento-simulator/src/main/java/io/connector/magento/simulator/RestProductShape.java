package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A product between the store's form ({@code ol_catalog_product.info}, its
 * {@code product_media.list} images, its stock) and Magento 2's ({@code products/{sku}}): the
 * product's own columns typed (id, attribute_set_id, status, visibility integers; price and
 * weight numbers), its websites and categories in {@code extension_attributes} with the stock
 * item, its images as {@code media_gallery_entries}, and every other attribute with a value in
 * {@code custom_attributes}, in the record's field order ({@link #record} keeps a recorded
 * product's order). An image, small image or thumbnail the record does not name comes from the
 * images' types, as Magento 2 answers them among the custom attributes.
 *
 * <p>Not modelled: links (related, bundle options), custom options and tier prices, answered
 * empty.
 */
final class RestProductShape {

    /** A product's record and images, as the store keeps them. */
    record Parts(Map<String, Object> record, List<Map<String, Object>> images) {
    }

    /** Columns answered beside custom_attributes, and Magento 1's fields Magento 2 does not have. */
    private static final Set<String> NOT_CUSTOM = Set.of("product_id", "entity_id", "id", "sku", "name", "set", "attribute_set_id", "price",
            "status", "visibility", "type", "type_id", "created_at", "updated_at", "weight", "categories", "websites", "website_ids",
            "group_price", "tier_price", "qty", "is_in_stock", "is_recurring", "recurring_profile", "msrp_enabled", "minimal_price",
            "old_id", "stock_item", "extension_attributes", "product_links", "options", "media_gallery_entries", "tier_prices",
            "custom_attributes");
    private static final List<String> IMAGE_ROLES = List.of("image", "small_image", "thumbnail");
    /** Where Magento 1's image list says its images are; the recorded shop's. */
    static final String MEDIA_URL = "http://magento/media/catalog/product";

    private RestProductShape() {
    }

    /**
     * @param images    the product's images (product_media records), by id, in order
     * @param stockItem its stock item ({@link RestStockItem})
     */
    static ObjectNode product(String id, Map<String, Object> record, Map<String, Map<String, Object>> images, ObjectNode stockItem) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "sku", RestJson.text(record.get("sku")));
        RestJson.put(json, "name", RestJson.text(record.get("name")));
        RestJson.put(json, "attribute_set_id", RestJson.number(first(record, "attribute_set_id", "set")));
        RestJson.put(json, "price", RestJson.number(record.get("price")));
        RestJson.put(json, "status", RestJson.number(record.get("status")));
        RestJson.put(json, "visibility", RestJson.number(record.get("visibility")));
        RestJson.put(json, "type_id", RestJson.text(first(record, "type_id", "type")));
        RestJson.put(json, "created_at", RestJson.date(record.get("created_at")));
        RestJson.put(json, "updated_at", RestJson.date(record.get("updated_at")));
        RestJson.put(json, "weight", RestJson.number(record.get("weight")));
        ObjectNode extension = json.putObject("extension_attributes");
        ArrayNode websites = extension.putArray("website_ids");
        list(first(record, "websites", "website_ids")).forEach(website -> websites.add(RestJson.number(website)));
        List<Object> categories = categoryIds(record);
        if (!categories.isEmpty()) {
            ArrayNode links = extension.putArray("category_links");
            for (Object category : categories) {
                ObjectNode link = links.addObject();
                link.put("position", 0);
                link.put("category_id", Values.text(category));
            }
        }
        extension.set("stock_item", stockItem);
        json.putArray("product_links");
        json.putArray("options");
        ArrayNode gallery = json.putArray("media_gallery_entries");
        images.forEach((imageId, image) -> gallery.add(galleryEntry(imageId, image)));
        json.putArray("tier_prices");
        ArrayNode attributes = RestJson.array();
        for (String role : IMAGE_ROLES) {
            if (!record.containsKey(role)) {
                imageWithRole(images, role).ifPresent(file -> attributes.addObject().put("attribute_code", role).put("value", file));
            }
        }
        attributes.addAll(RestCategoryShape.customAttributes(record, NOT_CUSTOM));
        json.set("custom_attributes", attributes);
        return json;
    }

    private static ObjectNode galleryEntry(String id, Map<String, Object> image) {
        ObjectNode entry = RestJson.object();
        entry.set("id", RestJson.number(id));
        entry.put("media_type", image.get("media_type") == null ? "image" : Values.text(image.get("media_type")));
        entry.set("label", RestJson.NODES.textNode(Values.text(image.get("label"))));
        RestJson.put(entry, "position", RestJson.number(image.get("position")));
        entry.put("disabled", Values.truthy(image.get("exclude")));
        ArrayNode types = entry.putArray("types");
        list(image.get("types")).forEach(type -> types.add(Values.text(type)));
        RestJson.put(entry, "file", RestJson.text(image.get("file")));
        return entry;
    }

    private static Optional<String> imageWithRole(Map<String, Map<String, Object>> images, String role) {
        for (Map<String, Object> image : images.values()) {
            if (list(image.get("types")).stream().anyMatch(type -> role.equals(Values.text(type)))) {
                return Optional.ofNullable(Values.text(image.get("file")));
            }
        }
        return Optional.empty();
    }

    /** category_ids, or Magento 1's categories. */
    static List<Object> categoryIds(Map<String, Object> record) {
        Object ids = first(record, "category_ids", "categories");
        return list(ids);
    }

    /** A recorded product's record (custom attributes in their order among its fields) and images. */
    static Parts record(JsonNode json) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("product_id", RestJson.toStore(json.get("id")));
        record.put("sku", RestJson.toStore(json.get("sku")));
        record.put("set", RestJson.toStore(json.get("attribute_set_id")));
        record.put("type", RestJson.toStore(json.get("type_id")));
        List<Object> categories = new ArrayList<>();
        for (JsonNode attribute : json.path("custom_attributes")) {
            if ("category_ids".equals(attribute.path("attribute_code").asText()) && attribute.get("value").isArray()) {
                attribute.get("value").forEach(c -> categories.add(c.asText()));
            }
        }
        if (categories.isEmpty()) {
            json.path("extension_attributes").path("category_links").forEach(link -> categories.add(link.path("category_id").asText()));
        }
        record.put("categories", categories);
        List<Object> websites = new ArrayList<>();
        json.path("extension_attributes").path("website_ids").forEach(w -> websites.add(w.asText()));
        record.put("websites", websites);
        record.put("type_id", RestJson.toStore(json.get("type_id")));
        record.put("name", RestJson.toStore(json.get("name")));
        for (JsonNode attribute : json.path("custom_attributes")) {
            record.put(attribute.path("attribute_code").asText(), RestJson.toStore(attribute.get("value")));
        }
        record.put("weight", RestJson.toStoreAmount(json.get("weight")));
        record.put("status", RestJson.toStore(json.get("status")));
        record.put("visibility", RestJson.toStore(json.get("visibility")));
        record.put("created_at", RestJson.toStore(json.get("created_at")));
        record.put("updated_at", RestJson.toStore(json.get("updated_at")));
        record.put("price", RestJson.toStoreAmount(json.get("price")));
        JsonNode stockItem = json.path("extension_attributes").get("stock_item");
        if (stockItem != null) {
            RestStockItem.intoRecord(stockItem, record);
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (JsonNode entry : json.path("media_gallery_entries")) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("value_id", RestJson.toStore(entry.get("id")));
            image.put("file", RestJson.toStore(entry.get("file")));
            image.put("label", RestJson.toStore(entry.get("label")));
            image.put("position", RestJson.toStore(entry.get("position")));
            image.put("exclude", RestJson.toStore(entry.get("disabled")));
            image.put("url", MEDIA_URL + RestJson.toStore(entry.get("file")));
            image.put("types", RestJson.toStore(entry.get("types")));
            image.put("media_type", RestJson.toStore(entry.get("media_type")));
            images.add(image);
        }
        return new Parts(record, images);
    }

    private static Object first(Map<String, Object> record, String field, String otherwise) {
        Object value = record.get(field);
        return value != null ? value : record.get(otherwise);
    }

    private static List<Object> list(Object value) {
        if (value instanceof List<?> items) {
            return new ArrayList<>(items);
        }
        return value == null ? List.of() : List.of(value);
    }
}
