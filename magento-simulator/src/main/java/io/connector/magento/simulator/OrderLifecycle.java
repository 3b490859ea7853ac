package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to a generated order after it is placed: it is cancelled, or edited. Magento edits
 * an order by cancelling it and placing a new one, which takes the original's increment id with
 * "-1", "-2" after it; the two point at each other by entity id and increment id, and the new one
 * names the original (the first of the chain).
 */
final class OrderLifecycle {

    private OrderLifecycle() {
    }

    /** The status history's first entry, the order's "pending". */
    static Map<String, Object> placed(String orderId, String storeId, String createdAt) {
        return history(orderId, storeId, "pending", "1", createdAt);
    }

    /** Cancelled at {@code when}: state and status "canceled", nothing left to invoice or ship. */
    @SuppressWarnings("unchecked")
    static void cancel(Map<String, Object> order, String when) {
        order.put("state", "canceled");
        order.put("status", "canceled");
        order.put("updated_at", when);
        for (Object item : (List<Object>) order.get("items")) {
            Map<String, Object> line = (Map<String, Object>) item;
            line.put("qty_canceled", line.get("qty_ordered"));
            line.put("updated_at", when);
        }
        List<Object> history = new ArrayList<>((List<Object>) order.get("status_history"));
        history.add(0, history(Values.text(order.get("order_id")), Values.text(order.get("store_id")), "canceled", "0", when));
        order.put("status_history", history);
    }

    /** {@code child} replaces {@code parent}, as edit number {@code edit} of the chain that {@code original} started. */
    static void edit(Map<String, Object> parent, Map<String, Object> child, String original, int edit) {
        cancel(parent, Values.text(child.get("created_at")));
        parent.put("relation_child_id", child.get("order_id"));
        parent.put("relation_child_real_id", child.get("increment_id"));
        child.put("edit_increment", Integer.toString(edit));
        child.put("original_increment_id", original);
        child.put("relation_parent_id", parent.get("order_id"));
        child.put("relation_parent_real_id", parent.get("increment_id"));
    }

    private static Map<String, Object> history(String orderId, String storeId, String status, String notified, String when) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("parent_id", orderId);
        h.put("is_customer_notified", notified);
        h.put("is_visible_on_front", "0");
        h.put("comment", null);
        h.put("status", status);
        h.put("created_at", when);
        h.put("entity_name", "order");
        h.put("store_id", storeId);
        return h;
    }
}
