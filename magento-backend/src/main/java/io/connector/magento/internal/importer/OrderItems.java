package io.connector.magento.internal.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An order's items as lines: Magento lists a configurable product's parent item (quantity and
 * prices) and its chosen simple product's child item (no prices), a bundle's parent item and the
 * items of its parts. A configurable parent becomes one line of its first child's product; a
 * bundle becomes the lines of its parts (the reference fails such an order, as it cannot import a
 * bundle product), or, when it alone carries the price (a fixed-price bundle), one line of its
 * own without a product. Other children are dropped with their parent kept, as the reference does.
 */
public final class OrderItems {

    private OrderItems() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> asLines(Object items) {
        if (!(items instanceof List<?> list)) {
            return List.of();
        }
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        List<Map<String, Object>> top = new ArrayList<>();
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map)) {
                continue;
            }
            Map<String, Object> item = (Map<String, Object>) map;
            Object parent = item.get("parent_item_id");
            if (parent != null && !parent.toString().isBlank()) {
                children.computeIfAbsent(parent.toString(), k -> new ArrayList<>()).add(item);
            } else {
                top.add(item);
            }
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> item : top) {
            List<Map<String, Object>> parts = children.getOrDefault(Objects.toString(item.get("item_id")), List.of());
            String type = Objects.toString(item.get("product_type"), "");
            if (type.equals("configurable") && !parts.isEmpty()) {
                Map<String, Object> merged = new LinkedHashMap<>(item);
                Map<String, Object> child = parts.get(0);
                merged.put("sku", child.get("sku"));
                merged.put("product_id", child.get("product_id"));
                merged.put("name", child.get("name"));
                lines.add(merged);
            } else if (type.equals("bundle") && !parts.isEmpty()) {
                if (pricedAlone(item, parts)) {
                    // No local product stands for a bundle: the line keeps its name and price alone.
                    Map<String, Object> line = new LinkedHashMap<>(item);
                    line.put("product_id", null);
                    lines.add(line);
                } else {
                    parts.forEach(part -> lines.add(new LinkedHashMap<>(part)));
                }
            } else {
                lines.add(new LinkedHashMap<>(item));
            }
        }
        return lines;
    }

    /** A fixed-price bundle: the parent has the row total and its parts none. */
    private static boolean pricedAlone(Map<String, Object> bundle, List<Map<String, Object>> parts) {
        return positive(bundle.get("row_total")) && parts.stream().noneMatch(part -> positive(part.get("row_total")));
    }

    private static boolean positive(Object amount) {
        try {
            return amount != null && new BigDecimal(amount.toString()).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
