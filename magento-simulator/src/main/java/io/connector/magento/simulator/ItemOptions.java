package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order item's product_options, PHP-serialized as Magento 1.9 keeps them: what the buyer
 * asked for (info_buyRequest), and for a configurable product the chosen attributes and simple
 * product, for a bundle its options and selections.
 */
final class ItemOptions {

    /** One configurable attribute chosen: Color (attribute 92) Indigo (option 26), say. */
    record Choice(int attributeId, String label, int optionId, String value) {
    }

    /** One product of a bundle, under one of its options. */
    record Selection(int optionId, String label, Map<String, Object> product, BigDecimal qty, BigDecimal price) {

        String productId() {
            return Values.text(product.get("product_id"));
        }
    }

    private ItemOptions() {
    }

    static String simple(String productId, BigDecimal qty) {
        return PhpSerialized.of(Map.of("info_buyRequest", buyRequest(productId, qty)));
    }

    static String configurable(String productId, BigDecimal qty, List<Choice> choices, String simpleSku, String simpleName) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("info_buyRequest", configurableRequest(productId, qty, choices));
        List<Object> attributes = new ArrayList<>();
        for (Choice choice : choices) {
            attributes.add(pair("label", choice.label(), "value", choice.value()));
        }
        options.put("attributes_info", attributes);
        options.put("simple_name", simpleName);
        options.put("simple_sku", simpleSku);
        options.put("product_calculations", 1);
        options.put("shipment_type", 0);
        return PhpSerialized.of(options);
    }

    /** The simple product under a configurable one keeps only the buyer's request, which names the parent. */
    static String configurableChild(String parentProductId, BigDecimal qty, List<Choice> choices) {
        return PhpSerialized.of(Map.of("info_buyRequest", configurableRequest(parentProductId, qty, choices)));
    }

    static String bundle(String productId, BigDecimal qty, List<Selection> selections) {
        Map<Object, Object> bundleOptions = new LinkedHashMap<>();
        for (Selection s : selections) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("title", s.product().get("name"));
            value.put("qty", s.qty());
            value.put("price", s.price().multiply(s.qty()));
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("option_id", Integer.toString(s.optionId()));
            option.put("label", s.label());
            option.put("value", List.of(value));
            bundleOptions.put(s.optionId(), option);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("info_buyRequest", bundleRequest(productId, qty, selections));
        options.put("bundle_options", bundleOptions);
        // 0: the children's prices make the bundle's, as in a dynamic-price bundle.
        options.put("product_calculations", 0);
        options.put("shipment_type", 0);
        return PhpSerialized.of(options);
    }

    /** A bundle's child: the buyer's request for the bundle and, serialized once more as Magento does, its selection. */
    static String bundleChild(String bundleProductId, BigDecimal qty, List<Selection> selections, Selection selection) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("price", selection.price().multiply(selection.qty()));
        attributes.put("qty", selection.qty());
        attributes.put("option_label", selection.label());
        attributes.put("option_id", Integer.toString(selection.optionId()));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("info_buyRequest", bundleRequest(bundleProductId, qty, selections));
        options.put("bundle_selection_attributes", PhpSerialized.of(attributes));
        return PhpSerialized.of(options);
    }

    private static Map<String, Object> buyRequest(String productId, BigDecimal qty) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("product", productId);
        request.put("qty", count(qty));
        return request;
    }

    private static Map<String, Object> configurableRequest(String productId, BigDecimal qty, List<Choice> choices) {
        Map<Object, Object> superAttribute = new LinkedHashMap<>();
        for (Choice choice : choices) {
            superAttribute.put(choice.attributeId(), Integer.toString(choice.optionId()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("product", productId);
        request.put("super_attribute", superAttribute);
        request.put("qty", count(qty));
        return request;
    }

    private static Map<String, Object> bundleRequest(String productId, BigDecimal qty, List<Selection> selections) {
        Map<Object, Object> chosen = new LinkedHashMap<>();
        Map<Object, Object> quantities = new LinkedHashMap<>();
        for (Selection s : selections) {
            chosen.put(s.optionId(), s.productId());
            quantities.put(s.optionId(), count(s.qty()));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("product", productId);
        request.put("bundle_option", chosen);
        request.put("bundle_option_qty", quantities);
        request.put("qty", count(qty));
        return request;
    }

    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put(k1, v1);
        pair.put(k2, v2);
        return pair;
    }

    /** A quantity as the buyer's request holds it: "2". */
    private static String count(BigDecimal qty) {
        return qty.stripTrailingZeros().toPlainString();
    }
}
