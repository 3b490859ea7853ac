package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sales orders and what the connector exports to them. Reads: {@code sales_order.search} (the
 * OCA module's {@code {imported, filters, limit}} argument or plain filters; answers increment
 * ids), {@code sales_order.info} (fault 100), {@code sales_order.get_parent}. Writes, kept simple
 * but consistent: {@code addComment} changes the status and adds to the history, {@code cancel}
 * changes the state as well. Invoices, shipments and tracking numbers are {@link SalesDocuments}'.
 */
final class SalesResources {

    private static final String ORDER_NOT_FOUND = "Requested order not exists.";

    private final DataStore store;
    private final SalesDocuments documents;

    /** @param documents the invoices and shipments, shared with the REST API's so that both number them alike */
    SalesResources(DataStore store, SalesDocuments documents) {
        this.store = store;
        this.documents = documents;
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

        api.add("sales_order_invoice.create", args -> documents.create(SalesDocuments.Kind.INVOICE, args));
        api.add("sales_order_invoice.info", args -> documents.info(SalesDocuments.Kind.INVOICE, args.text(0)));
        api.add("sales_order_invoice.list", args -> documents.list(SalesDocuments.Kind.INVOICE, args.get(0)));

        api.add("sales_order_shipment.create", args -> documents.create(SalesDocuments.Kind.SHIPMENT, args));
        api.add("sales_order_shipment.info", args -> documents.info(SalesDocuments.Kind.SHIPMENT, args.text(0)));
        api.add("sales_order_shipment.list", args -> documents.list(SalesDocuments.Kind.SHIPMENT, args.get(0)));
        api.add("sales_order_shipment.getCarriers", args -> {
            if (!store.orders().contains(args.text(0))) {
                // The shipment API's own fault for an order, not sales_order's 100.
                throw new ApiFault(SalesDocuments.ORDER_NOT_EXISTS, SalesDocuments.ORDER_NOT_EXISTS_MESSAGE);
            }
            return SalesDocuments.carrierTitles();
        });
        api.add("sales_order_shipment.addTrack", documents::addTrack);
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
        // PHP's default for a comment not sent is '' (a nil sent stays null).
        String comment = args.asList().size() > 2 ? args.text(2) : "";
        boolean notify = Values.truthy(args.get(3));
        store.orders().update(id, order -> {
            if (status != null) {
                order.put("status", status);
            }
            OrderHistory.add(order, status, comment, notify, false, null);
        });
        return true;
    }

    private Boolean cancel(Arguments args) throws ApiFault {
        String id = args.text(0);
        order(id);
        store.orders().update(id, order -> {
            order.put("state", "canceled");
            order.put("status", "canceled");
            OrderHistory.add(order, "canceled", null, false, false, null);
        });
        return true;
    }
}
