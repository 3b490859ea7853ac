package io.connector.magento.simulator;

import java.util.List;
import java.util.Map;

/** The entity ids of generated orders, their items and their addresses: after the highest the store holds. */
final class OrderEntityIds {

    private long order;
    private long item;
    private long address;

    @SuppressWarnings("unchecked")
    static OrderEntityIds after(RecordTable orders) {
        OrderEntityIds ids = new OrderEntityIds();
        for (Map<String, Object> record : orders.records()) {
            ids.order = Math.max(ids.order, Values.decimal(record.get("order_id")).longValue());
            for (String field : List.of("billing_address", "shipping_address")) {
                if (record.get(field) instanceof Map<?, ?> a) {
                    ids.address = Math.max(ids.address, Values.decimal(a.get("address_id")).longValue());
                }
            }
            if (record.get("items") instanceof List<?> items) {
                for (Object i : items) {
                    ids.item = Math.max(ids.item, Values.decimal(((Map<String, Object>) i).get("item_id")).longValue());
                }
            }
        }
        return ids;
    }

    String nextOrder() {
        return Long.toString(++order);
    }

    String nextItem() {
        return Long.toString(++item);
    }

    String nextAddress() {
        return Long.toString(++address);
    }
}
