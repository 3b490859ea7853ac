package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import java.util.concurrent.atomic.AtomicBoolean;

import io.connector.magento.v20.client.Condition;
import io.connector.magento.v20.client.Magento2Exception;
import io.connector.magento.v20.client.Magento2Client;
import io.connector.magento.v20.client.RestPath;
import io.connector.magento.v20.client.SearchCriteria;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labels of configurable products' attributes and their options ("Color", "White" for
 * attribute 93, option 50), which Magento 2 orders name by ids only
 * ({@code product_option.extension_attributes.configurable_item_options}): searched with
 * {@code products/attributes} for the ids not known yet, one request for all an order needs,
 * and kept for the adapter's life (a job): attribute labels change rarely.
 */
final class AttributeLabels {

    /** An attribute's label and its options' labels by option value. */
    private record Attribute(String label, Map<String, String> options) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AttributeLabels.class);

    private final Map<String, Attribute> known = new HashMap<>();
    private final AtomicBoolean refused = new AtomicBoolean();

    /**
     * What the items of {@code order} chose, labelled, by item id: a list of {@code {label, value}}
     * as Magento 1's {@code attributes_info} says them; an id nobody knows stays an id.
     */
    Map<String, List<Map<String, Object>>> chosen(Magento2Client client, List<Map<String, Object>> items) {
        Map<String, List<Object[]>> byItem = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (Map<String, Object> item : items) {
            List<Object[]> options = new ArrayList<>();
            for (Object entry : configurableOptions(item)) {
                if (entry instanceof Map<?, ?> option && option.get("option_id") != null) {
                    String attribute = option.get("option_id").toString();
                    options.add(new Object[] {attribute, Objects.toString(option.get("option_value"), "")});
                    if (!known.containsKey(attribute)) {
                        unknown.add(attribute);
                    }
                }
            }
            if (!options.isEmpty()) {
                byItem.put(Objects.toString(item.get("item_id")), options);
            }
        }
        if (!unknown.isEmpty()) {
            read(client, unknown);
        }
        Map<String, List<Map<String, Object>>> labelled = new LinkedHashMap<>();
        byItem.forEach((item, options) -> {
            List<Map<String, Object>> info = new ArrayList<>();
            for (Object[] option : options) {
                Attribute attribute = known.get((String) option[0]);
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("label", attribute == null ? "attribute " + option[0] : attribute.label());
                pair.put("value", attribute == null ? option[1] : attribute.options().getOrDefault((String) option[1], (String) option[1]));
                info.add(pair);
            }
            labelled.put(item, info);
        });
        return labelled;
    }

    private void read(Magento2Client client, Set<String> ids) {
        Object answer;
        try {
            answer = client.get(RestPath.of("products/attributes"), SearchCriteria.all().where("attribute_id", Condition.IN, ids));
        } catch (Magento2Exception e) {
            // A refusal (the integration may not read attributes: Magento_Catalog::attributes_attributes) costs the
            // lines their labels, not the order its import: the choices keep their ids.
            if (refused.compareAndSet(false, true)) {
                LOG.warn("{}: order lines keep their configurable choices as ids", e.getMessage());
            }
            ids.forEach(id -> known.putIfAbsent(id, null));
            return;
        }
        Object items = answer instanceof Map<?, ?> page ? page.get("items") : null;
        if (items instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> attribute && attribute.get("attribute_id") != null) {
                    Map<String, String> options = new HashMap<>();
                    if (attribute.get("options") instanceof List<?> values) {
                        for (Object value : values) {
                            if (value instanceof Map<?, ?> option && option.get("value") != null) {
                                options.put(option.get("value").toString(), Objects.toString(option.get("label"), ""));
                            }
                        }
                    }
                    Object label = attribute.get("default_frontend_label") != null ? attribute.get("default_frontend_label")
                            : attribute.get("attribute_code");
                    known.put(attribute.get("attribute_id").toString(), new Attribute(Objects.toString(label, ""), options));
                }
            }
        }
        // An attribute the search did not find is not asked again for each order of the job.
        ids.forEach(id -> known.putIfAbsent(id, null));
    }

    private static List<?> configurableOptions(Map<String, Object> item) {
        if (item.get("product_option") instanceof Map<?, ?> option && option.get("extension_attributes") instanceof Map<?, ?> extension
                && extension.get("configurable_item_options") instanceof List<?> options) {
            return options;
        }
        return List.of();
    }
}
