package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sales order between the store's form ({@code sales_order.info}) and Magento 2's
 * ({@code orders/{entity_id}}). Magento 2 answers the same columns, typed ({@link SalesFieldTypes})
 * and without the nulls, under other names in a few places: the entity id is {@code entity_id}
 * (the store's order_id), the history {@code status_histories}, and the shipping address and
 * method are not on the order but in {@code extension_attributes.shipping_assignments[0].shipping}
 * with the shipping totals, beside the items again. A child item carries its parent item whole
 * ({@code parent_item}); a configurable item its chosen options ({@code product_option}), read from
 * Magento 1's serialized options when the record has no Magento 2 ones.
 *
 * <p>What a recorded Magento 2 order has that Magento 1 has not (the applied taxes, the payment's
 * title) is kept in the record under {@code extension_attributes} and answered there.
 */
final class RestOrderShape {

    /** The record's fields answered elsewhere, or Magento 1's own. */
    private static final Set<String> ORDER_ELSEWHERE = Set.of("order_id", "entity_id", "items", "billing_address", "shipping_address",
            "payment", "status_history", "status_histories", "extension_attributes", "shipping_method", "shipping_address_id", "gift_cards",
            "imported");
    private static final Set<String> ITEM_ELSEWHERE = Set.of("product_options", "product_option", "parent_item", "has_children");
    /** The order's shipping totals Magento 2 repeats in the shipping assignment. */
    private static final List<String> SHIPPING_TOTALS = List.of("base_shipping_amount", "base_shipping_canceled",
            "base_shipping_discount_amount", "base_shipping_discount_tax_compensation_amnt", "base_shipping_incl_tax", "base_shipping_invoiced",
            "base_shipping_refunded", "base_shipping_tax_amount", "base_shipping_tax_refunded", "shipping_amount", "shipping_canceled",
            "shipping_discount_amount", "shipping_discount_tax_compensation_amount", "shipping_incl_tax", "shipping_invoiced",
            "shipping_refunded", "shipping_tax_amount", "shipping_tax_refunded");
    /** A payment's fields Magento 2 answers even when null. */
    private static final List<String> PAYMENT_REQUIRED = List.of("account_status", "cc_last4");
    private static final List<String> HISTORY_FIELDS = List.of("comment", "created_at", "entity_id", "entity_name", "is_customer_notified",
            "is_visible_on_front", "parent_id", "status");
    /** A configurable's chosen options in Magento 1's serialized buy request: {@code super_attribute => {92 => "23", ...}}. */
    private static final Pattern SUPER_ATTRIBUTE = Pattern.compile("s:15:\"super_attribute\";a:\\d+:\\{([^}]*)}");
    private static final Pattern OPTION = Pattern.compile("(?:i:(\\d+)|s:\\d+:\"(\\d+)\");(?:i:(\\d+)|s:\\d+:\"(\\d+)\");");

    private RestOrderShape() {
    }

    static ObjectNode order(Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        record.forEach((field, value) -> {
            if (!ORDER_ELSEWHERE.contains(field)) {
                RestJson.put(json, field, SalesFieldTypes.json(field, value));
            }
        });
        RestJson.put(json, "entity_id", RestJson.number(record.get("order_id")));
        ArrayNode items = items(record);
        json.set("items", items);
        if (record.get("billing_address") instanceof Map<?, ?> billing) {
            json.set("billing_address", address(cast(billing)));
        }
        if (record.get("payment") instanceof Map<?, ?> payment) {
            json.set("payment", payment(cast(payment)));
        }
        ArrayNode histories = json.putArray("status_histories");
        for (Map<String, Object> entry : maps(record.get("status_history"))) {
            histories.add(history(entry));
        }
        ObjectNode extension = json.putObject("extension_attributes");
        ObjectNode assignment = extension.putArray("shipping_assignments").addObject();
        ObjectNode shipping = assignment.putObject("shipping");
        if (record.get("shipping_address") instanceof Map<?, ?> address) {
            shipping.set("address", address(cast(address)));
        }
        RestJson.put(shipping, "method", RestJson.text(record.get("shipping_method")));
        ObjectNode total = shipping.putObject("total");
        for (String field : SHIPPING_TOTALS) {
            RestJson.put(total, field, SalesFieldTypes.json(field, record.get(field)));
        }
        assignment.set("items", items.deepCopy());
        if (record.get("extension_attributes") instanceof Map<?, ?> kept) {
            kept.forEach((key, value) -> extension.set(String.valueOf(key), RestJson.of(value)));
        }
        return json;
    }

    private static ArrayNode items(Map<String, Object> record) {
        List<Map<String, Object>> items = maps(record.get("items"));
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        ArrayNode list = RestJson.array();
        for (Map<String, Object> item : items) {
            ObjectNode json = item(item);
            byId.put(Values.text(item.get("item_id")), json);
            list.add(json);
        }
        // A child item carries its parent whole, as Magento 2 loads it.
        for (int i = 0; i < items.size(); i++) {
            ObjectNode parent = byId.get(Values.text(items.get(i).get("parent_item_id")));
            if (parent != null) {
                ((ObjectNode) list.get(i)).set("parent_item", parent.deepCopy());
            }
        }
        return list;
    }

    private static ObjectNode item(Map<String, Object> item) {
        ObjectNode json = RestJson.object();
        item.forEach((field, value) -> {
            if (!ITEM_ELSEWHERE.contains(field)) {
                RestJson.put(json, field, SalesFieldTypes.json(field, value));
            }
        });
        JsonNode option = productOption(item);
        if (option != null) {
            json.set("product_option", option);
        }
        return json;
    }

    /** The record's Magento 2 options, or a configurable's chosen attributes read from Magento 1's buy request. */
    private static JsonNode productOption(Map<String, Object> item) {
        if (item.get("product_option") != null) {
            return RestJson.of(item.get("product_option"));
        }
        if (!"configurable".equals(Values.text(item.get("product_type"))) || item.get("product_options") == null) {
            return null;
        }
        Matcher chosen = SUPER_ATTRIBUTE.matcher(Values.text(item.get("product_options")));
        if (!chosen.find()) {
            return null;
        }
        ObjectNode option = RestJson.object();
        ArrayNode options = option.putObject("extension_attributes").putArray("configurable_item_options");
        Matcher pair = OPTION.matcher(chosen.group(1));
        while (pair.find()) {
            String attribute = pair.group(1) != null ? pair.group(1) : pair.group(2);
            String value = pair.group(3) != null ? pair.group(3) : pair.group(4);
            options.addObject().put("option_id", attribute).set("option_value", RestJson.number(value));
        }
        return option;
    }

    /** An order address: address_id is entity_id, the street a list. */
    private static ObjectNode address(Map<String, Object> address) {
        ObjectNode json = RestJson.object();
        address.forEach((field, value) -> {
            if (field.equals("street")) {
                json.set("street", RestCustomerShapes.streetLines(value));
            } else if (!field.equals("address_id")) {
                RestJson.put(json, field, SalesFieldTypes.json(field, value));
            }
        });
        RestJson.put(json, "entity_id", RestJson.number(address.get("address_id")));
        return json;
    }

    private static ObjectNode payment(Map<String, Object> payment) {
        ObjectNode json = RestJson.object();
        payment.forEach((field, value) -> {
            if (!field.equals("payment_id")) {
                RestJson.put(json, field, SalesFieldTypes.json(field, value));
            }
        });
        for (String field : PAYMENT_REQUIRED) {
            if (!json.has(field)) {
                json.putNull(field);
            }
        }
        RestJson.put(json, "entity_id", RestJson.number(payment.get("payment_id")));
        return json;
    }

    private static ObjectNode history(Map<String, Object> entry) {
        ObjectNode json = RestJson.object();
        for (String field : HISTORY_FIELDS) {
            RestJson.put(json, field, SalesFieldTypes.json(field, entry.get(field)));
        }
        return json;
    }

    /** A recorded order in the store's form, keyed by its increment id. */
    static Map<String, Object> record(JsonNode json) {
        Map<String, Object> record = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!Set.of("entity_id", "items", "billing_address", "payment", "status_histories", "extension_attributes").contains(name)) {
                record.put(name, SalesFieldTypes.store(name, field.getValue()));
            }
        });
        record.put("order_id", RestJson.toStore(json.get("entity_id")));
        JsonNode shipping = json.path("extension_attributes").path("shipping_assignments").path(0).path("shipping");
        record.put("shipping_method", RestJson.toStore(shipping.get("method")));
        if (shipping.has("address")) {
            record.put("shipping_address", addressRecord(shipping.get("address")));
        }
        if (json.has("billing_address")) {
            record.put("billing_address", addressRecord(json.get("billing_address")));
        }
        List<Object> items = new ArrayList<>();
        json.path("items").forEach(item -> items.add(itemRecord(item)));
        record.put("items", items);
        if (json.has("payment")) {
            Map<String, Object> payment = fields(json.get("payment"), Set.of("entity_id"));
            payment.put("payment_id", RestJson.toStore(json.get("payment").get("entity_id")));
            record.put("payment", payment);
        }
        List<Object> history = new ArrayList<>();
        json.path("status_histories").forEach(entry -> history.add(fields(entry, Set.of())));
        record.put("status_history", history);
        Map<String, Object> kept = new LinkedHashMap<>();
        json.path("extension_attributes").fields().forEachRemaining(field -> {
            if (!field.getKey().equals("shipping_assignments")) {
                kept.put(field.getKey(), RestJson.toJava(field.getValue()));
            }
        });
        if (!kept.isEmpty()) {
            record.put("extension_attributes", kept);
        }
        return record;
    }

    private static Map<String, Object> itemRecord(JsonNode item) {
        Map<String, Object> record = fields(item, Set.of("parent_item", "product_option"));
        if (item.has("product_option")) {
            record.put("product_option", RestJson.toJava(item.get("product_option")));
        }
        return record;
    }

    private static Map<String, Object> addressRecord(JsonNode address) {
        Map<String, Object> record = fields(address, Set.of("entity_id", "street"));
        record.put("street", RestCustomerShapes.streetText(address.get("street")));
        record.put("address_id", RestJson.toStore(address.get("entity_id")));
        return record;
    }

    private static Map<String, Object> fields(JsonNode json, Set<String> except) {
        Map<String, Object> record = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            if (!except.contains(field.getKey())) {
                JsonNode value = field.getValue();
                record.put(field.getKey(), value.isContainerNode() ? RestJson.toJava(value) : SalesFieldTypes.store(field.getKey(), value));
            }
        });
        return record;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    maps.add(cast(map));
                }
            }
        }
        return maps;
    }
}
