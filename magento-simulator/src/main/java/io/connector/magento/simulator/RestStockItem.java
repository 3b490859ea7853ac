package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A product's stock item as Magento 2 answers it ({@code stockItems/{sku}}, and inside a
 * product's extension_attributes): Magento's default settings, the quantity and stock status the
 * product's record has (as {@code cataloginventory_stock_item.list} reads them), and over both
 * whatever the connector's stock updates wrote ({@link DataStore#stockItems()}, through either
 * protocol), typed like the setting it replaces. The item id is the product id, as in a shop
 * with the one default stock.
 */
final class RestStockItem {

    /** Magento 2's stock item of a product saved with the default configuration, in its field order. */
    private static final Map<String, Object> DEFAULTS = defaults();

    private RestStockItem() {
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stock_id", 1);
        d.put("qty", 0);
        d.put("is_in_stock", false);
        d.put("is_qty_decimal", false);
        d.put("show_default_notification_message", false);
        d.put("use_config_min_qty", true);
        d.put("min_qty", 0);
        d.put("use_config_min_sale_qty", 1);
        d.put("min_sale_qty", 1);
        d.put("use_config_max_sale_qty", true);
        d.put("max_sale_qty", 10000);
        d.put("use_config_backorders", true);
        d.put("backorders", 0);
        d.put("use_config_notify_stock_qty", true);
        d.put("notify_stock_qty", 1);
        d.put("use_config_qty_increments", true);
        d.put("qty_increments", 0);
        d.put("use_config_enable_qty_inc", true);
        d.put("enable_qty_increments", false);
        d.put("use_config_manage_stock", true);
        d.put("manage_stock", true);
        d.put("low_stock_date", null);
        d.put("is_decimal_divided", false);
        d.put("stock_status_changed_auto", 0);
        return d;
    }

    /**
     * @param product the product's record
     * @param written what stock updates wrote for it, or an empty map
     */
    static ObjectNode of(String productId, Map<String, Object> product, Map<String, Object> written) {
        ObjectNode json = RestJson.object();
        json.set("item_id", RestJson.number(productId));
        json.set("product_id", RestJson.number(productId));
        DEFAULTS.forEach((field, setting) -> json.set(field, RestJson.of(setting)));
        if (product.get("qty") != null) {
            json.set("qty", RestJson.number(product.get("qty")));
        }
        if (product.get("is_in_stock") != null) {
            json.set("is_in_stock", RestJson.bool(product.get("is_in_stock")));
        }
        written.forEach((field, value) -> {
            if (field.equals("product_id") || field.equals("item_id")) {
                return;
            }
            json.set(field, typedLike(DEFAULTS.get(field), value));
        });
        return json;
    }

    /** A written value typed as Magento types that setting: is_in_stock 1 is true, qty 30.0 is 30. */
    private static JsonNode typedLike(Object setting, Object value) {
        if (value == null) {
            return RestJson.NODES.nullNode();
        }
        if (setting instanceof Boolean) {
            return RestJson.bool(value);
        }
        if (setting instanceof Number) {
            return RestJson.number(value);
        }
        return RestJson.of(value);
    }

    /** What a recorded stock item tells of the product's stock, in the record's form: qty and is_in_stock. */
    static void intoRecord(JsonNode stockItem, Map<String, Object> record) {
        if (stockItem.has("qty")) {
            record.put("qty", RestJson.toStoreAmount(stockItem.get("qty")));
        }
        if (stockItem.has("is_in_stock")) {
            record.put("is_in_stock", RestJson.toStore(stockItem.get("is_in_stock")));
        }
    }
}
