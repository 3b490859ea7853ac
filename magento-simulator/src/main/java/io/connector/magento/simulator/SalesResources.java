package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sales orders and what the connector exports to them. Reads: {@code sales_order.search} (the
 * OCA module's {@code {imported, filters, limit}} argument or plain filters; answers increment
 * ids), {@code sales_order.info} (fault 100), {@code sales_order.get_parent}. Writes, kept simple
 * but consistent: {@code addComment} and {@code cancel} change the status; invoice and shipment
 * creation count the quantities on the order's items, answer the new increment id, and fault
 * 102 when there is nothing left to invoice or ship (how the connector learns an invoice
 * already exists); {@code addTrack} adds a tracking number to a shipment.
 */
final class SalesResources {

    private static final String ORDER_NOT_FOUND = "Requested order not exists.";
    /** What the recorded 1.9 shop answers to getCarriers. */
    private static final Map<String, Object> CARRIERS = carriers();
    /** Magento's first increment id of an entity type in store 1. */
    private static final String FIRST_INCREMENT_ID = "100000001";

    private final DataStore store;

    SalesResources(DataStore store) {
        this.store = store;
    }

    private static Map<String, Object> carriers() {
        Map<String, Object> carriers = new LinkedHashMap<>();
        carriers.put("custom", "Custom Value");
        carriers.put("dhl", "DHL (Deprecated)");
        carriers.put("fedex", "Federal Express");
        carriers.put("ups", "United Parcel Service");
        carriers.put("usps", "United States Postal Service");
        carriers.put("dhlint", "DHL");
        return carriers;
    }

    void register(ApiMethods api) {
        api.add("sales_order.search", this::search);
        api.add("sales_order.info", args -> Lookups.select(order(args.text(0)), args.names(1), "increment_id"));
        api.add("sales_order.get_parent", args -> {
            Object parent = order(args.text(0)).get("relation_parent_real_id");
            return parent == null ? Boolean.FALSE : parent;
        });
        api.add("sales_order.addComment", this::addComment);
        api.add("sales_order.cancel", this::cancel);

        api.add("sales_order_invoice.create", args -> createDocument(args, store.invoices(), "qty_invoiced", "Cannot do invoice for order."));
        api.add("sales_order_invoice.info", args -> Lookups.info(store.invoices(), args.text(0), null, 100, "Requested invoice does not exist."));
        api.add("sales_order_invoice.list", args -> documents(store.invoices(), args.get(0)));

        api.add("sales_order_shipment.create", args -> createDocument(args, store.shipments(), "qty_shipped", "Cannot do shipment for order."));
        api.add("sales_order_shipment.info", args -> Lookups.info(store.shipments(), args.text(0), null, 100, "Requested shipment not exists."));
        api.add("sales_order_shipment.list", args -> documents(store.shipments(), args.get(0)));
        api.add("sales_order_shipment.getCarriers", args -> {
            order(args.text(0));
            return Values.copy(CARRIERS);
        });
        api.add("sales_order_shipment.addTrack", this::addTrack);
    }

    private Map<String, Object> order(String incrementId) throws ApiFault {
        return Lookups.info(store.orders(), incrementId, null, 100, ORDER_NOT_FOUND);
    }

    private List<String> search(Arguments args) throws ApiFault {
        Map<String, Object> argument = args.struct(0);
        Object filters = argument;
        Object imported = null;
        Integer limit = null;
        if (argument != null && (argument.containsKey("filters") || argument.containsKey("imported"))) {
            filters = argument.get("filters");
            imported = argument.get("imported");
            limit = argument.get("limit") instanceof Number n ? n.intValue() : null;
        }
        Filter filter = Filter.parse(filters);
        String wanted = imported == null ? null : (Values.truthy(imported) ? "1" : "0");
        List<String> ids = store.orders().ids(record -> filter.matches(record)
                && (wanted == null || wanted.equals(Values.text(record.getOrDefault("imported", "0")))));
        return limit != null && limit >= 0 && limit < ids.size() ? new ArrayList<>(ids.subList(0, limit)) : ids;
    }

    /** [increment id, status, comment, notify]: the status changes, the comment joins the history. */
    private Boolean addComment(Arguments args) throws ApiFault {
        String id = args.text(0);
        order(id);
        String status = args.text(1);
        String comment = args.text(2);
        boolean notify = Values.truthy(args.get(3));
        store.orders().update(id, order -> {
            if (status != null) {
                order.put("status", status);
            }
            addHistory(order, status, comment, notify);
        });
        return true;
    }

    private Boolean cancel(Arguments args) throws ApiFault {
        String id = args.text(0);
        order(id);
        store.orders().update(id, order -> {
            order.put("state", "canceled");
            order.put("status", "canceled");
            addHistory(order, "canceled", null, false);
        });
        return true;
    }

    @SuppressWarnings("unchecked")
    private static void addHistory(Map<String, Object> order, String status, String comment, boolean notify) {
        List<Object> history = order.get("status_history") instanceof List<?> list ? (List<Object>) list : new ArrayList<>();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("parent_id", order.get("order_id"));
        entry.put("is_customer_notified", notify ? "1" : "0");
        entry.put("is_visible_on_front", "0");
        entry.put("comment", comment);
        entry.put("status", status != null ? status : order.get("status"));
        entry.put("created_at", MagentoDates.now());
        entry.put("entity_name", "order");
        entry.put("store_id", order.get("store_id"));
        history.add(0, entry);
        order.put("status_history", history);
        order.put("updated_at", MagentoDates.now());
    }

    /**
     * [order increment id, {item_id: qty} (empty for everything left), comment, email, include comment].
     * Only top-level items count, as Magento invoices and ships a configurable product's parent line.
     */
    private String createDocument(Arguments args, RecordTable documents, String quantityField, String nothingToDo) throws ApiFault {
        String orderId = args.text(0);
        Map<String, Object> quantities = args.struct(1);
        String comment = args.text(2);
        synchronized (store.orders()) {
            Map<String, Object> order = order(orderId);
            List<Map<String, Object>> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, Object> item : items(order)) {
                if (item.get("parent_item_id") != null) {
                    continue;
                }
                String itemId = Values.text(item.get("item_id"));
                BigDecimal left = Values.decimal(item.get("qty_ordered")).subtract(Values.decimal(item.get(quantityField)))
                        .subtract(Values.decimal(item.get("qty_canceled")));
                BigDecimal qty = quantities == null || quantities.isEmpty() ? left
                        : quantities.containsKey(itemId) ? Values.decimal(quantities.get(itemId)).min(left) : BigDecimal.ZERO;
                if (qty.signum() <= 0) {
                    continue;
                }
                addQuantity(order, itemId, quantityField, qty);
                BigDecimal price = Values.decimal(item.get("price"));
                total = total.add(price.multiply(qty));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("order_item_id", itemId);
                line.put("product_id", item.get("product_id"));
                line.put("sku", item.get("sku"));
                line.put("name", item.get("name"));
                line.put("qty", Values.amount(qty));
                line.put("price", Values.amount(price));
                line.put("row_total", Values.amount(price.multiply(qty)));
                lines.add(line);
            }
            if (lines.isEmpty()) {
                throw new ApiFault(102, nothingToDo);
            }
            String incrementId = documents.isEmpty() ? FIRST_INCREMENT_ID : documents.nextId();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("increment_id", incrementId);
            document.put("order_id", order.get("order_id"));
            document.put("order_increment_id", orderId);
            document.put("store_id", order.get("store_id"));
            document.put("grand_total", Values.amount(total));
            document.put("created_at", MagentoDates.now());
            document.put("updated_at", MagentoDates.now());
            document.put("comment", comment);
            document.put("items", lines);
            documents.put(incrementId, orderId, document);
            advanceState(order);
            order.put("updated_at", MagentoDates.now());
            store.orders().put(orderId, order);
            return incrementId;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> order) {
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

    /** The item and its children (a configurable's simple product) get the quantity. */
    private static void addQuantity(Map<String, Object> order, String itemId, String field, BigDecimal qty) {
        for (Map<String, Object> item : items(order)) {
            if (itemId.equals(Values.text(item.get("item_id"))) || itemId.equals(Values.text(item.get("parent_item_id")))) {
                item.put(field, Values.amount(Values.decimal(item.get(field)).add(qty)));
            }
        }
    }

    /** new -> processing on the first invoice or shipment; complete once everything is invoiced and shipped. */
    private static void advanceState(Map<String, Object> order) {
        boolean done = true;
        for (Map<String, Object> item : items(order)) {
            BigDecimal ordered = Values.decimal(item.get("qty_ordered")).subtract(Values.decimal(item.get("qty_canceled")));
            if (Values.decimal(item.get("qty_invoiced")).compareTo(ordered) < 0 || Values.decimal(item.get("qty_shipped")).compareTo(ordered) < 0) {
                done = false;
            }
        }
        String state = done ? "complete" : "processing";
        order.put("state", state);
        order.put("status", state);
    }

    private static List<Map<String, Object>> documents(RecordTable documents, Object filterArgument) throws ApiFault {
        Filter filter = Filter.parse(filterArgument);
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : documents.ids(filter::matches)) {
            documents.get(id).ifPresent(document -> {
                document.remove("items");
                list.add(document);
            });
        }
        return list;
    }

    /** [shipment increment id, carrier code, title, number]: answers the new track's id. */
    private String addTrack(Arguments args) throws ApiFault {
        String shipmentId = args.text(0);
        Map<String, Object> shipment = Lookups.info(store.shipments(), shipmentId, null, 100, "Requested shipment not exists.");
        String carrier = args.text(1);
        if (carrier == null || !CARRIERS.containsKey(carrier)) {
            throw new ApiFault(102, "Invalid carrier specified.");
        }
        RecordTable tracks = store.tracks();
        synchronized (tracks) {
            String trackId = tracks.nextId();
            Map<String, Object> track = new LinkedHashMap<>();
            track.put("track_id", trackId);
            track.put("order_id", shipment.get("order_id"));
            track.put("carrier_code", carrier);
            track.put("title", args.text(2));
            track.put("number", args.text(3));
            track.put("created_at", MagentoDates.now());
            tracks.put(trackId, shipmentId, track);
            return trackId;
        }
    }
}
