package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET products/attributes}: a search of the product attributes, each with its options'
 * labels, which is how a Magento 2 client says a configurable order item's choices (the item names
 * them by ids only, {@code configurable_item_options}). The simulator keeps no attribute table: an
 * attribute is what its shop's configurable order items chose, read from Magento 1's serialized
 * options, where the chosen ids ({@code super_attribute}) and their labels ({@code attributes_info})
 * come in the same order.
 */
final class RestAttributeResources {

    private static final String RESOURCE = "Magento_Catalog::attributes_attributes";
    private static final Pattern SUPER_ATTRIBUTE = Pattern.compile("s:15:\"super_attribute\";a:\\d+:\\{([^}]*)}");
    private static final Pattern CHOSEN = Pattern.compile("(?:i:(\\d+)|s:\\d+:\"(\\d+)\");(?:i:(\\d+)|s:\\d+:\"(\\d+)\");");
    private static final Pattern LABELLED = Pattern.compile(
            "s:5:\"label\";s:\\d+:\"([^\"]*)\";s:5:\"value\";s:\\d+:\"([^\"]*)\";");

    private final DataStore store;

    RestAttributeResources(DataStore store) {
        this.store = store;
    }

    void register(RestRoutes routes) {
        routes.add("GET", "products/attributes", RESOURCE, request -> {
            Map<String, ObjectNode> attributes = attributes();
            return RestSearches.search(request, new ArrayList<>(attributes.keySet()), attributes::get, Map.of("id", "attribute_id"));
        });
    }

    /** By attribute id, in id order: what the orders' configurable items chose. */
    private Map<String, ObjectNode> attributes() {
        Map<Integer, String> labels = new TreeMap<>();
        Map<Integer, Map<String, String>> options = new TreeMap<>();
        for (Map<String, Object> order : store.orders().records()) {
            if (!(order.get("items") instanceof List<?> items)) {
                continue;
            }
            for (Object entry : items) {
                if (entry instanceof Map<?, ?> item && "configurable".equals(Values.text(item.get("product_type")))) {
                    read(Values.text(item.get("product_options")), labels, options);
                }
            }
        }
        Map<String, ObjectNode> attributes = new LinkedHashMap<>();
        labels.forEach((id, label) -> {
            ObjectNode attribute = RestJson.object();
            attribute.put("attribute_id", id);
            attribute.put("attribute_code", label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"));
            attribute.put("frontend_input", "select");
            attribute.put("default_frontend_label", label);
            ArrayNode list = attribute.putArray("options");
            list.addObject().put("label", " ").put("value", "");
            options.get(id).forEach((value, text) -> list.addObject().put("label", text).put("value", value));
            attributes.put(String.valueOf(id), attribute);
        });
        return attributes;
    }

    private static void read(String serialized, Map<Integer, String> labels, Map<Integer, Map<String, String>> options) {
        if (serialized == null) {
            return;
        }
        Matcher chosen = SUPER_ATTRIBUTE.matcher(serialized);
        int info = serialized.indexOf("s:15:\"attributes_info\"");
        if (!chosen.find() || info < 0) {
            return;
        }
        List<String[]> ids = new ArrayList<>();
        Matcher pair = CHOSEN.matcher(chosen.group(1));
        while (pair.find()) {
            ids.add(new String[] {pair.group(1) != null ? pair.group(1) : pair.group(2), pair.group(3) != null ? pair.group(3) : pair.group(4)});
        }
        Matcher labelled = LABELLED.matcher(serialized);
        labelled.region(info, serialized.length());
        for (String[] id : ids) {
            if (!labelled.find()) {
                return;
            }
            int attribute = Integer.parseInt(id[0]);
            labels.putIfAbsent(attribute, labelled.group(1));
            options.computeIfAbsent(attribute, a -> new TreeMap<>()).putIfAbsent(id[1], labelled.group(2));
        }
    }
}
