package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Customer groups, customers and their addresses between the store's form (what Magento 1's
 * {@code ol_customer_groups.info}, {@code customer.info} and {@code customer_address.info}
 * answer) and Magento 2's ({@code customerGroups/{id}}, {@code customers/{id}} with the
 * addresses inside). Magento 2 renames a few fields (customer_id is id, customer_group_code is
 * code), answers a street as a list of lines and a region as an object, flags the default
 * addresses on the addresses themselves ({@code "default_billing": true}, only when so), and
 * leaves out what is null.
 */
final class RestCustomerShapes {

    /** Magento 2's customer tax classes, for a group whose record does not name its class. */
    private static final Map<String, String> TAX_CLASS_NAMES = Map.of("3", "Retail Customer");
    /** Magento 1 keeps a date of birth as a datetime at midnight; Magento 2 answers the date. */
    private static final String DOB_TIME = " 00:00:00";

    private RestCustomerShapes() {
    }

    static ObjectNode group(String id, Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "code", RestJson.text(first(record, "customer_group_code", "code")));
        RestJson.put(json, "tax_class_id", RestJson.number(record.get("tax_class_id")));
        Object taxClassName = record.get("tax_class_name");
        if (taxClassName == null) {
            taxClassName = TAX_CLASS_NAMES.get(Values.text(record.get("tax_class_id")));
        }
        RestJson.put(json, "tax_class_name", RestJson.text(taxClassName));
        return json;
    }

    static Map<String, Object> groupRecord(JsonNode json) {
        return RestJson.renamed(json, "customer_group_id", "id", "customer_group_code", "code", "tax_class_id", "tax_class_id",
                "tax_class_name", "tax_class_name");
    }

    /**
     * A customer with its addresses (their ids and records, in id order).
     */
    static ObjectNode customer(String id, Map<String, Object> record, Map<String, Map<String, Object>> addresses) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "group_id", RestJson.number(record.get("group_id")));
        RestJson.put(json, "default_billing", RestJson.text(record.get("default_billing")));
        RestJson.put(json, "default_shipping", RestJson.text(record.get("default_shipping")));
        RestJson.put(json, "confirmation", RestJson.text(record.get("confirmation")));
        RestJson.put(json, "created_at", RestJson.date(record.get("created_at")));
        RestJson.put(json, "updated_at", RestJson.date(record.get("updated_at")));
        RestJson.put(json, "created_in", RestJson.text(record.get("created_in")));
        RestJson.put(json, "dob", dateOnly(record.get("dob")));
        for (String field : List.of("email", "firstname", "lastname", "middlename", "prefix", "suffix")) {
            RestJson.put(json, field, RestJson.text(record.get(field)));
        }
        RestJson.put(json, "gender", RestJson.number(record.get("gender")));
        RestJson.put(json, "store_id", RestJson.number(record.get("store_id")));
        RestJson.put(json, "taxvat", RestJson.text(record.get("taxvat")));
        RestJson.put(json, "website_id", RestJson.number(record.get("website_id")));
        ArrayNode list = json.putArray("addresses");
        addresses.forEach((addressId, address) -> list.add(address(addressId, id, address, record)));
        RestJson.put(json, "disable_auto_group_change", RestJson.number(record.get("disable_auto_group_change")));
        json.putObject("extension_attributes").put("is_subscribed", Values.truthy(record.get("is_subscribed")));
        return json;
    }

    /** An address of the customer's address book; its default flags come from the customer, as Magento computes them. */
    static ObjectNode address(String id, String customerId, Map<String, Object> record, Map<String, Object> customer) {
        ObjectNode json = RestJson.object();
        json.set("id", RestJson.number(id));
        RestJson.put(json, "customer_id", RestJson.number(customerId));
        ObjectNode region = json.putObject("region");
        region.set("region_code", RestJson.NODES.textNode(Values.text(record.get("region_code"))));
        region.set("region", RestJson.NODES.textNode(Values.text(record.get("region"))));
        JsonNode regionId = record.get("region_id") == null ? RestJson.number(0) : RestJson.number(record.get("region_id"));
        region.set("region_id", regionId);
        json.set("region_id", regionId.deepCopy());
        RestJson.put(json, "country_id", RestJson.text(record.get("country_id")));
        json.set("street", streetLines(record.get("street")));
        for (String field : List.of("company", "telephone", "fax", "postcode", "city", "firstname", "lastname", "middlename", "prefix",
                "suffix", "vat_id")) {
            RestJson.put(json, field, RestJson.text(record.get(field)));
        }
        if (customer != null && id.equals(Values.text(customer.get("default_shipping")))) {
            json.put("default_shipping", true);
        }
        if (customer != null && id.equals(Values.text(customer.get("default_billing")))) {
            json.put("default_billing", true);
        }
        return json;
    }

    /** The customer's record; its addresses are {@link #addressRecord}'s. */
    static Map<String, Object> customerRecord(JsonNode json) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customer_id", RestJson.toStore(json.get("id")));
        record.put("created_at", RestJson.toStore(json.get("created_at")));
        record.put("updated_at", RestJson.toStore(json.get("updated_at")));
        record.put("increment_id", null);
        record.put("store_id", RestJson.toStore(json.get("store_id")));
        record.put("website_id", RestJson.toStore(json.get("website_id")));
        for (String field : List.of("confirmation", "created_in", "default_billing", "default_shipping", "disable_auto_group_change")) {
            record.put(field, RestJson.toStore(json.get(field)));
        }
        Object dob = RestJson.toStore(json.get("dob"));
        // Magento 1 keeps a date of birth as a datetime.
        record.put("dob", dob == null || Values.text(dob).length() != 10 ? dob : dob + DOB_TIME);
        for (String field : List.of("email", "firstname", "gender", "group_id", "lastname", "middlename", "prefix", "suffix", "taxvat")) {
            record.put(field, RestJson.toStore(json.get(field)));
        }
        record.put("is_subscribed", RestJson.toStore(json.path("extension_attributes").get("is_subscribed")));
        return record;
    }

    static Map<String, Object> addressRecord(JsonNode json) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("customer_address_id", RestJson.toStore(json.get("id")));
        for (String field : List.of("city", "company", "country_id", "fax", "firstname", "lastname", "middlename", "postcode", "prefix")) {
            record.put(field, RestJson.toStore(json.get(field)));
        }
        JsonNode region = json.path("region");
        record.put("region", RestJson.toStore(region.get("region")));
        record.put("region_code", RestJson.toStore(region.get("region_code")));
        record.put("region_id", RestJson.toStore(json.has("region_id") ? json.get("region_id") : region.get("region_id")));
        record.put("street", streetText(json.get("street")));
        for (String field : List.of("suffix", "telephone", "vat_id")) {
            record.put(field, RestJson.toStore(json.get(field)));
        }
        return record;
    }

    /** Magento 1 keeps a street as lines joined with newlines; Magento 2 answers the lines. */
    static ArrayNode streetLines(Object street) {
        ArrayNode lines = RestJson.array();
        if (street instanceof List<?> list) {
            list.forEach(line -> lines.add(Values.text(line)));
        } else if (street != null) {
            for (String line : Values.text(street).split("\n", -1)) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String streetText(JsonNode street) {
        if (street == null || street.isNull()) {
            return null;
        }
        if (!street.isArray()) {
            return street.asText();
        }
        List<String> lines = new ArrayList<>();
        street.forEach(line -> lines.add(line.asText()));
        return String.join("\n", lines);
    }

    /** "1973-12-15 00:00:00" is 1973-12-15 in Magento 2. */
    private static JsonNode dateOnly(Object value) {
        String text = Values.text(value);
        return text == null ? null : RestJson.NODES.textNode(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static Object first(Map<String, Object> record, String field, String otherwise) {
        Object value = record.get(field);
        return value != null ? value : record.get(otherwise);
    }
}
