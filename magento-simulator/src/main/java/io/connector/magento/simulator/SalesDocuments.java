package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invoices and shipments, as Magento 1.9's {@code sales_order_invoice} and
 * {@code sales_order_shipment} APIs make and answer them.
 *
 * <p>{@code create [order increment id, {order item id: qty}, comment, email, include comment]}
 * counts the quantities on the order's items and answers the new increment id, as text. An empty
 * or missing quantities struct takes everything left. Which items count is Magento's rule
 * ({@code Mage_Sales_Model_Order_Item::isDummy}): a configurable's child, and a bundle's children
 * when the bundle has its own price ({@code product_calculations} 1), follow their parent; the
 * parent of a bundle whose children carry the prices ({@code product_calculations} 0, a
 * dynamic-price bundle) follows its children, which are invoiced by their own item ids. For a
 * shipment the bundle's {@code shipment_type} decides instead: shipped together (0) by the
 * parent's id, separately (1) by the children's. A following item gets its share of the
 * quantity; a following parent is done as far as all its children are. Ids of following items,
 * or unknown, in the struct are ignored, as Magento ignores them.
 *
 * <p>Faults: 103 for an unknown order; 102 when there is nothing left to invoice or ship on the
 * items asked for, or the order is canceled, on hold or closed (how the connector learns an
 * invoice already exists). Magento would save an empty shipment when the struct names only
 * items it ignores; the simulator answers 102 instead, so that a test sees it.
 *
 * <p>{@code info} answers the document's fields with its {@code items} and {@code comments}
 * (and a shipment's {@code tracks}), an invoice with its {@code order_increment_id} as well;
 * {@code list} the documents' fields with {@code order_increment_id}, filtered.
 * {@code addTrack [shipment increment id, carrier, title, number, weight]} answers the new
 * track's id as text (fault 100 unknown shipment, 102 unknown carrier).
 */
final class SalesDocuments {

    /** An invoice or a shipment: the order item field it counts, and what Magento calls it. */
    enum Kind {
        INVOICE("qty_invoiced", "invoice_id", "Cannot do invoice for order.", "Requested invoice does not exist."),
        SHIPMENT("qty_shipped", "shipment_id", "Cannot do shipment for order.", "Requested shipment not exists.");

        final String quantityField;
        final String entityField;
        final String nothingToDo;
        final String notFound;

        Kind(String quantityField, String entityField, String nothingToDo, String notFound) {
            this.quantityField = quantityField;
            this.entityField = entityField;
            this.nothingToDo = nothingToDo;
            this.notFound = notFound;
        }
    }

    static final int NOT_EXISTS = 100;
    static final int DATA_INVALID = 102;
    static final int ORDER_NOT_EXISTS = 103;
    static final String ORDER_NOT_EXISTS_MESSAGE = "Requested order not exists.";
    /** Magento's first increment id of an entity type in store 1. */
    private static final String FIRST_INCREMENT_ID = "100000001";
    /** What the recorded 1.9 shop answers to getCarriers. */
    private static final Map<String, Object> CARRIERS = carriers();
    /** Order states in which Magento's canInvoice and canShip say no, whatever the items. */
    private static final Set<String> CLOSED_STATES = Set.of("canceled", "holded", "closed", "payment_review");

    private final DataStore store;
    /** The next entity ids (an invoice's invoice_id, its items' item_id...), by table and field. */
    private final Map<String, Long> nextIds = new LinkedHashMap<>();

    SalesDocuments(DataStore store) {
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

    /** The carriers getCarriers answers, a copy. */
    static Map<String, Object> carrierTitles() {
        return Values.copyMap(CARRIERS);
    }

    RecordTable table(Kind kind) {
        return kind == Kind.INVOICE ? store.invoices() : store.shipments();
    }

    /** [order increment id, {order item id: qty}, comment, email, include comment]: the new document's increment id. */
    String create(Kind kind, Arguments args) throws ApiFault {
        Map<String, Object> document = create(kind, args.text(0), args.struct(1), args.text(2), Values.truthy(args.get(3)),
                Values.truthy(args.get(4)));
        return Values.text(document.get("increment_id"));
    }

    /**
     * Makes an invoice or a shipment of the order, whichever protocol asks, and answers it as
     * stored; {@code requested} null or empty takes everything left.
     */
    Map<String, Object> create(Kind kind, String orderId, Map<String, Object> requested, String comment, boolean email,
            boolean includeComment) throws ApiFault {
        RecordTable documents = table(kind);
        synchronized (store.orders()) {
            Map<String, Object> order = store.orders().get(orderId).orElseThrow(() -> new ApiFault(ORDER_NOT_EXISTS, ORDER_NOT_EXISTS_MESSAGE));
            String state = Values.text(order.get("state"));
            if (CLOSED_STATES.contains(state) || (kind == Kind.INVOICE && "complete".equals(state))) {
                throw new ApiFault(DATA_INVALID, kind.nothingToDo);
            }
            OrderLines lines = new OrderLines(order);
            Map<String, BigDecimal> quantities = lines.plan(kind, requested);
            if (quantities.isEmpty()) {
                throw new ApiFault(DATA_INVALID, kind.nothingToDo);
            }
            boolean firstOfOrder = documents.idsOwnedBy(orderId).isEmpty();
            String now = MagentoDates.now();
            String incrementId = documents.isEmpty() ? FIRST_INCREMENT_ID : documents.nextId();
            long entityId = nextId(documents, kind.entityField);
            Map<String, Object> document = kind == Kind.INVOICE
                    ? invoice(order, lines, quantities, firstOfOrder, email)
                    : shipment(order, lines, quantities, email);
            document.put("increment_id", incrementId);
            document.put("created_at", now);
            document.put("updated_at", now);
            document.put(kind.entityField, Long.toString(entityId));
            document.put("items", documentItems(kind, lines, quantities, entityId));
            List<Object> comments = new ArrayList<>();
            if (comment != null) {
                // Magento's invoice notifies with the email; its shipment only when the email includes the comment.
                boolean notified = kind == Kind.INVOICE ? email : email && includeComment;
                comments.add(comment(kind, entityId, comment, notified, now));
            }
            document.put("comments", comments);
            documents.put(incrementId, orderId, document);

            quantities.forEach((itemId, qty) -> {
                Map<String, Object> item = lines.item(itemId);
                item.put(kind.quantityField, Values.amount(Values.decimal(item.get(kind.quantityField)).add(qty)));
                item.put("updated_at", now);
            });
            advanceState(order);
            order.put("updated_at", now);
            store.orders().put(orderId, order);
            return document;
        }
    }

    private static Map<String, Object> invoice(Map<String, Object> order, OrderLines lines, Map<String, BigDecimal> quantities,
            boolean firstOfOrder, boolean email) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("store_id", order.get("store_id"));
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String prefix : List.of("", "base_")) {
            BigDecimal subtotal = BigDecimal.ZERO;
            BigDecimal itemTax = BigDecimal.ZERO;
            BigDecimal discount = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> entry : quantities.entrySet()) {
                Map<String, Object> item = lines.item(entry.getKey());
                BigDecimal share = OrderLines.share(entry.getValue(), item);
                subtotal = subtotal.add(cents(Values.decimal(item.get(prefix + "price")).multiply(entry.getValue())));
                itemTax = itemTax.add(cents(Values.decimal(item.get(prefix + "tax_amount")).multiply(share)));
                discount = discount.add(cents(Values.decimal(item.get(prefix + "discount_amount")).multiply(share)));
            }
            // Magento puts the order's shipping on its first invoice.
            BigDecimal shipping = firstOfOrder ? Values.decimal(order.get(prefix + "shipping_amount")) : BigDecimal.ZERO;
            BigDecimal shippingTax = firstOfOrder ? Values.decimal(order.get(prefix + "shipping_tax_amount")) : BigDecimal.ZERO;
            totals.put(prefix + "subtotal", subtotal);
            totals.put(prefix + "subtotal_incl_tax", subtotal.add(itemTax));
            totals.put(prefix + "tax_amount", itemTax.add(shippingTax));
            totals.put(prefix + "shipping_amount", shipping);
            totals.put(prefix + "shipping_tax_amount", shippingTax);
            totals.put(prefix + "discount_amount", discount.negate());
            totals.put(prefix + "grand_total", subtotal.subtract(discount).add(itemTax).add(shipping).add(shippingTax));
        }
        for (String field : List.of("base_grand_total", "shipping_tax_amount", "tax_amount", "base_tax_amount", "base_shipping_tax_amount",
                "base_discount_amount", "grand_total", "shipping_amount", "subtotal_incl_tax", "base_subtotal_incl_tax",
                "base_shipping_amount")) {
            invoice.put(field, Values.amount(totals.get(field)));
        }
        // Magento's invoice counts every line it holds, the ones that follow another included.
        invoice.put("total_qty", Values.amount(quantities.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        for (String field : List.of("subtotal", "base_subtotal", "discount_amount")) {
            invoice.put(field, Values.amount(totals.get(field)));
        }
        invoice.put("billing_address_id", order.get("billing_address_id"));
        invoice.put("order_id", order.get("order_id"));
        invoice.put("email_sent", email ? "1" : null);
        // 2, paid: what registering an invoice of an offline payment (check, cash on delivery) makes.
        invoice.put("state", "2");
        invoice.put("shipping_address_id", order.get("shipping_address_id"));
        for (String field : List.of("store_currency_code", "order_currency_code", "base_currency_code", "global_currency_code")) {
            invoice.put(field, order.get(field));
        }
        return invoice;
    }

    private static Map<String, Object> shipment(Map<String, Object> order, OrderLines lines, Map<String, BigDecimal> quantities,
            boolean email) {
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("store_id", order.get("store_id"));
        shipment.put("total_weight", null);
        // Magento's shipment counts the lines that ship, not the ones that follow them.
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : quantities.entrySet()) {
            if (!lines.follows(Kind.SHIPMENT, lines.item(entry.getKey()))) {
                total = total.add(entry.getValue());
            }
        }
        shipment.put("total_qty", Values.amount(total));
        shipment.put("email_sent", email ? "1" : null);
        shipment.put("order_id", order.get("order_id"));
        shipment.put("customer_id", order.get("customer_id"));
        shipment.put("shipping_address_id", order.get("shipping_address_id"));
        shipment.put("billing_address_id", order.get("billing_address_id"));
        shipment.put("shipment_status", null);
        shipment.put("packages", null);
        shipment.put("shipping_label", null);
        return shipment;
    }

    private List<Object> documentItems(Kind kind, OrderLines lines, Map<String, BigDecimal> quantities, long parentId) {
        RecordTable documents = table(kind);
        List<Object> items = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> entry : quantities.entrySet()) {
            Map<String, Object> item = lines.item(entry.getKey());
            BigDecimal qty = entry.getValue();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("parent_id", Long.toString(parentId));
            if (kind == Kind.INVOICE) {
                BigDecimal share = OrderLines.share(qty, item);
                Map<String, BigDecimal> amounts = new LinkedHashMap<>();
                for (String prefix : List.of("", "base_")) {
                    BigDecimal row = cents(Values.decimal(item.get(prefix + "price")).multiply(qty));
                    BigDecimal tax = cents(Values.decimal(item.get(prefix + "tax_amount")).multiply(share));
                    amounts.put(prefix + "row_total", row);
                    amounts.put(prefix + "tax_amount", tax);
                    amounts.put(prefix + "discount_amount", cents(Values.decimal(item.get(prefix + "discount_amount")).multiply(share)));
                    amounts.put(prefix + "row_total_incl_tax", row.add(tax));
                }
                line.put("base_price", item.get("base_price"));
                line.put("tax_amount", Values.amount(amounts.get("tax_amount")));
                line.put("base_row_total", Values.amount(amounts.get("base_row_total")));
                line.put("discount_amount", Values.amount(amounts.get("discount_amount")));
                line.put("row_total", Values.amount(amounts.get("row_total")));
                line.put("base_discount_amount", Values.amount(amounts.get("base_discount_amount")));
                line.put("price_incl_tax", item.get("price_incl_tax"));
                line.put("base_tax_amount", Values.amount(amounts.get("base_tax_amount")));
                line.put("base_price_incl_tax", item.get("base_price_incl_tax"));
                line.put("qty", Values.amount(qty));
                line.put("base_cost", item.get("base_cost"));
                line.put("price", item.get("price"));
                line.put("base_row_total_incl_tax", Values.amount(amounts.get("base_row_total_incl_tax")));
                line.put("row_total_incl_tax", Values.amount(amounts.get("row_total_incl_tax")));
                line.put("product_id", item.get("product_id"));
                line.put("order_item_id", item.get("item_id"));
                line.put("additional_data", null);
                line.put("description", null);
                line.put("sku", item.get("sku"));
                line.put("name", item.get("name"));
            } else {
                line.put("row_total", null);
                line.put("price", item.get("price"));
                line.put("weight", item.get("weight"));
                line.put("qty", Values.amount(qty));
                line.put("product_id", item.get("product_id"));
                line.put("order_item_id", item.get("item_id"));
                line.put("additional_data", null);
                line.put("description", null);
                line.put("name", item.get("name"));
                line.put("sku", item.get("sku"));
            }
            line.put("item_id", Long.toString(nextId(documents, "items.item_id")));
            items.add(line);
        }
        return items;
    }

    private Map<String, Object> comment(Kind kind, long parentId, String text, boolean notified, String now) {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("parent_id", Long.toString(parentId));
        comment.put("is_customer_notified", notified ? "1" : "0");
        comment.put("is_visible_on_front", "0");
        comment.put("comment", text);
        comment.put("created_at", now);
        comment.put("comment_id", Long.toString(nextId(table(kind), "comments.comment_id")));
        return comment;
    }

    /** new -> processing on the first invoice or shipment; complete once everything is invoiced and shipped. */
    private static void advanceState(Map<String, Object> order) {
        boolean done = true;
        for (Map<String, Object> item : OrderLines.items(order)) {
            BigDecimal ordered = Values.decimal(item.get("qty_ordered")).subtract(Values.decimal(item.get("qty_canceled")));
            if (Values.decimal(item.get("qty_invoiced")).compareTo(ordered) < 0 || Values.decimal(item.get("qty_shipped")).compareTo(ordered) < 0) {
                done = false;
            }
        }
        String state = done ? "complete" : "processing";
        order.put("state", state);
        order.put("status", state);
    }

    /** The document with its lines, comments and (a shipment's) tracks, as Magento's info answers it; fault 100 when there is none. */
    Map<String, Object> info(Kind kind, String incrementId) throws ApiFault {
        RecordTable documents = table(kind);
        Map<String, Object> record = documents.get(incrementId).orElseThrow(() -> new ApiFault(NOT_EXISTS, kind.notFound));
        Map<String, Object> answer = new LinkedHashMap<>();
        record.forEach((field, value) -> {
            if (!field.equals("items") && !field.equals("comments") && !field.equals("tracks")) {
                answer.put(field, value);
            }
        });
        if (kind == Kind.INVOICE) {
            answer.put("order_increment_id", documents.ownerOf(incrementId).orElse(Values.text(record.get("order_increment_id"))));
        }
        answer.put("items", record.get("items") instanceof List<?> items ? items : new ArrayList<>());
        if (kind == Kind.SHIPMENT) {
            List<Object> tracks = new ArrayList<>();
            for (String trackId : store.tracks().idsOwnedBy(incrementId)) {
                store.tracks().get(trackId).ifPresent(tracks::add);
            }
            answer.put("tracks", tracks);
        }
        answer.put("comments", record.get("comments") instanceof List<?> comments ? comments : new ArrayList<>());
        return answer;
    }

    /** The documents the filter selects, in increment id order: their fields and their order's increment id, without lines. */
    List<Map<String, Object>> list(Kind kind, Object filterArgument) throws ApiFault {
        Filter filter = Filter.parse(filterArgument);
        List<Map<String, Object>> list = new ArrayList<>();
        for (RecordTable.Row row : table(kind).rows()) {
            Map<String, Object> view = new LinkedHashMap<>(row.record());
            view.remove("items");
            view.remove("comments");
            view.remove("tracks");
            if (row.owner() != null) {
                view.put("order_increment_id", row.owner());
            }
            if (filter.matches(view)) {
                list.add(view);
            }
        }
        return list;
    }

    /** [shipment increment id, carrier code, title, number, weight]: answers the new track's id. */
    String addTrack(Arguments args) throws ApiFault {
        String shipmentId = args.text(0);
        if (!store.shipments().contains(shipmentId)) {
            throw new ApiFault(NOT_EXISTS, Kind.SHIPMENT.notFound);
        }
        String carrier = args.text(1);
        if (carrier == null || !CARRIERS.containsKey(carrier)) {
            throw new ApiFault(DATA_INVALID, "Invalid carrier specified.");
        }
        Object weight = args.get(4);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("weight", weight == null || Values.decimal(weight).signum() == 0 ? null : Values.amount(Values.decimal(weight)));
        fields.put("qty", null);
        fields.put("track_number", args.text(3));
        fields.put("description", null);
        fields.put("title", args.text(2));
        fields.put("carrier_code", carrier);
        return Values.text(addTrack(shipmentId, fields).get("track_id"));
    }

    /**
     * Adds a tracking number to a shipment, whichever protocol asks: {@code fields} are the
     * track's weight, qty, track_number, description, title and carrier_code as the client sent
     * them; the track belongs to the shipment and to its order. Answers the track as stored.
     */
    Map<String, Object> addTrack(String shipmentId, Map<String, Object> fields) {
        RecordTable shipments = store.shipments();
        Map<String, Object> shipment = shipments.get(shipmentId).orElseThrow(() -> new IllegalArgumentException("No shipment " + shipmentId));
        String now = MagentoDates.now();
        RecordTable tracks = store.tracks();
        Map<String, Object> track = new LinkedHashMap<>();
        synchronized (tracks) {
            String trackId = tracks.nextId();
            track.put("parent_id", shipment.get("shipment_id"));
            track.put("weight", fields.get("weight"));
            track.put("qty", fields.get("qty"));
            track.put("order_id", shipment.get("order_id"));
            track.put("track_number", fields.get("track_number"));
            track.put("description", fields.get("description"));
            track.put("title", fields.get("title"));
            track.put("carrier_code", fields.get("carrier_code"));
            track.put("created_at", now);
            track.put("updated_at", now);
            // 1.9 keeps the pre-1.6 name beside the column's: its info answers both.
            track.put("number", fields.get("track_number"));
            track.put("track_id", trackId);
            tracks.put(trackId, shipmentId, track);
        }
        shipments.set(shipmentId, "updated_at", now);
        return track;
    }

    /**
     * The next entity id of a field of {@code table}'s records ("invoice_id") or of the entries
     * of one of their lists ("items.item_id"): one more than the highest there on first use, then
     * counted, as Magento's auto-increment.
     */
    private synchronized long nextId(RecordTable table, String path) {
        String key = table.name() + "." + path;
        Long next = nextIds.get(key);
        if (next == null) {
            next = highest(table, path) + 1;
        }
        nextIds.put(key, next + 1);
        return next;
    }

    private static long highest(RecordTable table, String path) {
        int dot = path.indexOf('.');
        String list = dot < 0 ? null : path.substring(0, dot);
        String field = dot < 0 ? path : path.substring(dot + 1);
        long highest = 0;
        for (Map<String, Object> record : table.records()) {
            if (list == null) {
                highest = Math.max(highest, number(record.get(field)));
            } else if (record.get(list) instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> map) {
                        highest = Math.max(highest, number(map.get(field)));
                    }
                }
            }
        }
        return highest;
    }

    private static long number(Object value) {
        try {
            return Long.parseLong(Values.text(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
