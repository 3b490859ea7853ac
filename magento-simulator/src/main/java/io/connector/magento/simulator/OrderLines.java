package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's items as invoices and shipments see them: which lines count by their own id and
 * which follow another (Magento's "dummy" items), and how much of each a document takes. Works
 * on the items of the order map it is given, which the caller then stores.
 */
final class OrderLines {

    /** product_calculations: the children's prices make the bundle's (a dynamic-price bundle). */
    private static final int CALCULATE_CHILD = 0;
    /** shipment_type: a bundle's children ship each on its own line. */
    private static final int SHIPMENT_SEPARATELY = 1;

    private final List<Map<String, Object>> items;
    private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();

    OrderLines(Map<String, Object> order) {
        this.items = items(order);
        for (Map<String, Object> item : items) {
            String id = id(item);
            if (id != null) {
                byId.put(id, item);
            }
        }
        for (Map<String, Object> item : items) {
            String parent = Values.text(item.get("parent_item_id"));
            if (parent != null && byId.containsKey(parent)) {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(item);
            }
        }
    }

    /** The order's items, the maps it holds. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> order) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (order.get("items") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    items.add((Map<String, Object>) map);
                }
            }
        }
        return items;
    }

    Map<String, Object> item(String itemId) {
        return byId.get(itemId);
    }

    /**
     * Whether the item follows another in this kind of document, Magento's isDummy: a child
     * whose parent counts, or a parent whose children count.
     */
    boolean follows(SalesDocuments.Kind kind, Map<String, Object> item) {
        Map<String, Object> parent = parentOf(item);
        boolean hasChildren = children.containsKey(id(item));
        if (!hasChildren && parent == null) {
            return false;
        }
        Map<String, Object> head = parent != null ? parent : item;
        boolean childrenCount = kind == SalesDocuments.Kind.SHIPMENT ? shipsSeparately(head) : childrenCalculated(head);
        return hasChildren ? childrenCount : !childrenCount;
    }

    private static boolean shipsSeparately(Map<String, Object> head) {
        Integer type = PhpSerialized.intEntry(Values.text(head.get("product_options")), "shipment_type");
        return type != null && type == SHIPMENT_SEPARATELY;
    }

    private boolean childrenCalculated(Map<String, Object> head) {
        Integer calculation = PhpSerialized.intEntry(Values.text(head.get("product_options")), "product_calculations");
        if (calculation != null) {
            return calculation == CALCULATE_CHILD;
        }
        // Options that do not say (an item written by hand): a bundle whose children carry the prices.
        return "bundle".equals(Values.text(head.get("product_type"))) && Values.decimal(head.get("price")).signum() == 0
                && children.getOrDefault(id(head), List.of()).stream().anyMatch(c -> Values.decimal(c.get("price")).signum() != 0);
    }

    /**
     * The quantity of each item a new document takes, in item order, the following items
     * included; empty when no counting item has anything left among those asked for.
     * {@code requested} is the API's {item id: qty}; null or empty takes everything left.
     */
    Map<String, BigDecimal> plan(SalesDocuments.Kind kind, Map<String, Object> requested) {
        boolean everything = requested == null || requested.isEmpty();
        Map<String, BigDecimal> counted = new LinkedHashMap<>();
        for (Map<String, Object> item : items) {
            String id = id(item);
            if (id == null || follows(kind, item)) {
                continue;
            }
            BigDecimal left = left(kind, item);
            BigDecimal qty = everything ? left
                    : requested.containsKey(id) ? Values.decimal(requested.get(id)).min(left) : BigDecimal.ZERO;
            if (qty.signum() > 0) {
                counted.put(id, qty);
            }
        }
        Map<String, BigDecimal> plan = new LinkedHashMap<>();
        if (counted.isEmpty()) {
            return plan;
        }
        for (Map<String, Object> item : items) {
            String id = id(item);
            if (id == null) {
                continue;
            }
            BigDecimal qty = counted.get(id);
            if (qty == null && follows(kind, item)) {
                Map<String, Object> parent = parentOf(item);
                qty = parent != null ? childShare(kind, item, parent, counted.get(id(parent))) : parentProgress(kind, item, counted);
            }
            if (qty != null && qty.signum() > 0) {
                plan.put(id, qty);
            }
        }
        return plan;
    }

    /** A child following its parent: as much of its own quantity as the parent's share taken. */
    private static BigDecimal childShare(SalesDocuments.Kind kind, Map<String, Object> child, Map<String, Object> parent, BigDecimal parentQty) {
        BigDecimal parentOrdered = ordered(parent);
        if (parentQty == null || parentOrdered.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal qty = parentQty.multiply(ordered(child)).divide(parentOrdered, 4, RoundingMode.HALF_UP);
        return qty.min(left(kind, child));
    }

    /** A parent following its children: done as far as every child is, once this document counts. */
    private BigDecimal parentProgress(SalesDocuments.Kind kind, Map<String, Object> parent, Map<String, BigDecimal> counted) {
        List<Map<String, Object>> kids = children.getOrDefault(id(parent), List.of());
        if (kids.stream().noneMatch(c -> counted.containsKey(id(c)))) {
            return BigDecimal.ZERO;
        }
        BigDecimal progress = BigDecimal.ONE;
        for (Map<String, Object> child : kids) {
            BigDecimal ordered = ordered(child);
            if (ordered.signum() == 0) {
                continue;
            }
            BigDecimal done = Values.decimal(child.get(kind.quantityField)).add(counted.getOrDefault(id(child), BigDecimal.ZERO));
            progress = progress.min(done.divide(ordered, 8, RoundingMode.DOWN));
        }
        BigDecimal target = ordered(parent).multiply(progress).setScale(4, RoundingMode.DOWN);
        return target.subtract(Values.decimal(parent.get(kind.quantityField))).max(BigDecimal.ZERO);
    }

    /** qty over qty_ordered: the part of an item's amounts a line of that quantity carries. */
    static BigDecimal share(BigDecimal qty, Map<String, Object> item) {
        BigDecimal ordered = Values.decimal(item.get("qty_ordered"));
        return ordered.signum() == 0 ? BigDecimal.ZERO : qty.divide(ordered, 8, RoundingMode.HALF_UP);
    }

    /** What is left to invoice or ship: ordered, less done and canceled (and, to ship, refunded). */
    static BigDecimal left(SalesDocuments.Kind kind, Map<String, Object> item) {
        BigDecimal left = ordered(item).subtract(Values.decimal(item.get(kind.quantityField)));
        if (kind == SalesDocuments.Kind.SHIPMENT) {
            left = left.subtract(Values.decimal(item.get("qty_refunded")));
        }
        return left.max(BigDecimal.ZERO);
    }

    /** Ordered less canceled. */
    private static BigDecimal ordered(Map<String, Object> item) {
        return Values.decimal(item.get("qty_ordered")).subtract(Values.decimal(item.get("qty_canceled")));
    }

    private Map<String, Object> parentOf(Map<String, Object> item) {
        String parent = Values.text(item.get("parent_item_id"));
        return parent == null ? null : byId.get(parent);
    }

    private static String id(Map<String, Object> item) {
        return Values.text(item.get("item_id"));
    }
}
