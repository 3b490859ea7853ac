package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's status history, as both protocols' comments and cancellations add to it: the
 * newest entry first, as Magento 1's {@code sales_order.info} lists it.
 */
final class OrderHistory {

    private OrderHistory() {
    }

    /**
     * Adds an entry to the order (the map the caller then stores) and marks the order changed.
     *
     * @param status   the entry's status; null for the order's current one
     * @param entityId the entry's id, as Magento 2 gives one; null to leave it out, as Magento 1's answers do
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> add(Map<String, Object> order, String status, String comment, boolean notified, boolean visibleOnFront,
            String entityId) {
        List<Object> history = order.get("status_history") instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("parent_id", order.get("order_id"));
        entry.put("is_customer_notified", notified ? "1" : "0");
        entry.put("is_visible_on_front", visibleOnFront ? "1" : "0");
        entry.put("comment", comment);
        entry.put("status", status != null ? status : order.get("status"));
        entry.put("created_at", MagentoDates.now());
        entry.put("entity_name", "order");
        entry.put("store_id", order.get("store_id"));
        if (entityId != null) {
            entry.put("entity_id", entityId);
        }
        history.add(0, entry);
        order.put("status_history", history);
        order.put("updated_at", MagentoDates.now());
        return entry;
    }
}
