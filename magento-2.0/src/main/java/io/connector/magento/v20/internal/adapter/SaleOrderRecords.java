package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.connector.magento.importer.SaleOrderImporter;

/**
 * A Magento 2 order in the field names the shared order importer and mappers read for a Magento 1
 * {@code sales_order.info}. Most are the same (amounts, customer, {@code payment.method},
 * {@code billing_address}, items' quantities and totals); these differ:
 * <ul>
 * <li>{@code order_id}: the entity id, which Magento 1 calls so; it is also the order's external id
 * ({@link SaleOrderImporter#EXTERNAL_ID_FIELD}), where Magento 1's is its increment id;</li>
 * <li>{@code relation_parent_real_id}: the parent's entity id ({@code relation_parent_id}), since
 * an order's external id is its entity id here (Magento 2's own {@code relation_parent_real_id},
 * the parent's increment id, is kept as {@code relation_parent_increment_id});</li>
 * <li>{@code shipping_address} and {@code shipping_method}: the first shipping assignment's
 * ({@code extension_attributes.shipping_assignments[0].shipping}), where Magento 2 keeps them;</li>
 * <li>addresses' {@code street}: its lines in one text, one a line;</li>
 * <li>items' {@code product_id}: the item's SKU, a product's external id on 2.0 (Magento's
 * product entity id kept as {@code magento_product_id}); a child item's copy of its parent
 * ({@code parent_item}) left out;</li>
 * <li>items' {@code product_options}: a configurable item's choices, labelled (Magento 2 names
 * them by ids only), as Magento 1's {@code attributes_info} lists them, parsed.</li>
 * </ul>
 * Magento 2 sends no {@code website_id}: the importer takes the store view's.
 */
final class SaleOrderRecords {

    private SaleOrderRecords() {
    }

    static Map<String, Object> order(Map<String, Object> given) {
        return order(given, Map.of());
    }

    /** {@code chosen}: the labelled choices of the order's configurable items, by item id ({@link AttributeLabels}). */
    static Map<String, Object> order(Map<String, Object> given, Map<String, List<Map<String, Object>>> chosen) {
        Map<String, Object> order = new LinkedHashMap<>(given);
        order.put("order_id", given.get("entity_id"));
        order.put(SaleOrderImporter.EXTERNAL_ID_FIELD, given.get("entity_id") == null ? null : given.get("entity_id").toString());
        if (order.containsKey("relation_parent_real_id")) {
            order.put("relation_parent_increment_id", order.get("relation_parent_real_id"));
        }
        order.put("relation_parent_real_id", given.get("relation_parent_id"));
        if (given.get("billing_address") instanceof Map<?, ?> billing) {
            order.put("billing_address", address(billing));
        }
        Map<?, ?> shipping = shipping(given);
        if (shipping.get("address") instanceof Map<?, ?> address && !address.isEmpty()) {
            order.put("shipping_address", address(address));
        }
        if (shipping.get("method") != null) {
            order.put("shipping_method", shipping.get("method"));
        }
        if (given.get("items") instanceof List<?> items) {
            List<Map<String, Object>> renamed = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> line = item(map);
                    List<Map<String, Object>> choices = chosen.get(String.valueOf(line.get("item_id")));
                    if (choices != null) {
                        line.put("product_options", Map.of("attributes_info", choices));
                    }
                    renamed.add(line);
                }
            }
            order.put("items", renamed);
        }
        return order;
    }

    /** The first shipping assignment's {@code shipping}; empty for a virtual order, which has none. */
    private static Map<?, ?> shipping(Map<String, Object> order) {
        if (order.get("extension_attributes") instanceof Map<?, ?> extension
                && extension.get("shipping_assignments") instanceof List<?> assignments && !assignments.isEmpty()
                && assignments.get(0) instanceof Map<?, ?> first && first.get("shipping") instanceof Map<?, ?> shipping) {
            return shipping;
        }
        return Map.of();
    }

    private static Map<String, Object> address(Map<?, ?> given) {
        Map<String, Object> address = copy(given);
        if (address.get("street") instanceof List<?> lines) {
            address.put("street", lines.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("\n")));
        }
        return address;
    }

    private static Map<String, Object> item(Map<?, ?> given) {
        Map<String, Object> item = copy(given);
        item.remove("parent_item");
        item.put("magento_product_id", item.get("product_id"));
        item.put("product_id", item.get("sku"));
        return item;
    }

    private static Map<String, Object> copy(Map<?, ?> given) {
        Map<String, Object> copy = new LinkedHashMap<>();
        given.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
