package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Orders, invoices, shipments and tracking numbers over the same records as
 * {@code sales_order}, {@code sales_order_invoice} and {@code sales_order_shipment}. Magento 2
 * names an order by its entity id (the record's order_id), an invoice or shipment by its own
 * entity id (invoice_id, shipment_id); the store keys them by increment id, as Magento 1 does.
 *
 * <p>Reads: {@code orders} (a search), {@code orders/{id}}, {@code orders/{id}/comments},
 * {@code invoices} (a search), {@code invoices/{id}}, {@code shipments} (a search),
 * {@code shipment/{id}}. Writes, through the same {@link SalesDocuments} as the XML-RPC ones:
 * {@code POST order/{id}/invoice} and {@code POST order/{id}/ship} (the new entity id as text),
 * {@code POST shipment/track} (the track), {@code POST orders} ({@code {"entity": {entity_id,
 * state, status, ...}}}: the fields sent, then the order) and {@code POST orders/{id}/comments}
 * (a history entry, and the status it names; true).
 *
 * <p>A document Magento would refuse is a 400 whose message lists why, as Magento's document
 * validation does: nothing left to invoice or ship, more than is left, an item not of the
 * order (an invoice; a shipment ignores it, as Magento's, and has then nothing to ship).
 */
final class RestSalesResources {

    private static final String SALES = "Magento_Sales::sales";
    private static final Map<String, String> NO_ALIASES = Map.of();
    /** Order states in which Magento says no to any invoice or shipment. */
    private static final Set<String> CLOSED_STATES = Set.of("canceled", "holded", "closed", "payment_review");
    /** The order columns a client may not change by saving the order. */
    private static final Set<String> NOT_WRITABLE = Set.of("entity_id", "order_id", "increment_id", "items", "billing_address",
            "payment", "status_histories", "extension_attributes");

    private final DataStore store;
    private final SalesDocuments documents;
    private long lastHistoryId = -1;

    RestSalesResources(DataStore store, SalesDocuments documents) {
        this.store = store;
        this.documents = documents;
    }

    void register(RestRoutes routes) {
        routes.add("GET", "orders", SALES, request -> RestSearches.search(request, ordersByEntityId(), this::orderView, NO_ALIASES));
        routes.add("GET", "orders/{id}", SALES, request -> RestOrderShape.order(order(request.param("id"))));
        routes.add("GET", "orders/{id}/comments", SALES, request -> {
            JsonNode order = RestOrderShape.order(order(request.param("id")));
            ObjectNode list = RestJson.object();
            list.set("items", order.get("status_histories"));
            list.put("total_count", order.get("status_histories").size());
            return list;
        });
        routes.add("POST", "orders", "Magento_Sales::actions_edit", this::saveOrder);
        routes.add("POST", "orders/{id}/comments", "Magento_Sales::comment", this::addComment);
        routes.add("POST", "order/{id}/invoice", "Magento_Sales::invoice", this::invoice);
        routes.add("POST", "order/{id}/ship", "Magento_Sales::ship", this::ship);
        routes.add("POST", "shipment/track", "Magento_Sales::ship", this::track);
        routes.add("GET", "invoices", "Magento_Sales::sales_invoice",
                request -> RestSearches.search(request, documentIds(SalesDocuments.Kind.INVOICE), this::invoiceView, NO_ALIASES));
        routes.add("GET", "invoices/{id}", "Magento_Sales::sales_invoice",
                request -> invoiceView(documentIncrementId(SalesDocuments.Kind.INVOICE, request.param("id"))));
        routes.add("GET", "shipments", "Magento_Sales::shipment",
                request -> RestSearches.search(request, documentIds(SalesDocuments.Kind.SHIPMENT), this::shipmentView, NO_ALIASES));
        routes.add("GET", "shipment/{id}", "Magento_Sales::shipment",
                request -> shipmentView(documentIncrementId(SalesDocuments.Kind.SHIPMENT, request.param("id"))));
    }

    // ---- orders

    /** The increment id of the order whose entity id this is; 404 as Magento's order repository. */
    private String orderIncrementId(String entityId) throws RestError {
        List<String> ids = store.orders().ids(record -> entityId != null && entityId.equals(Values.text(record.get("order_id"))));
        if (ids.isEmpty()) {
            throw RestError.entityNotFound();
        }
        return ids.get(0);
    }

    private Map<String, Object> order(String entityId) throws RestError {
        return store.orders().get(orderIncrementId(entityId)).orElseThrow(RestError::entityNotFound);
    }

    private JsonNode orderView(String incrementId) {
        return store.orders().get(incrementId).map(RestOrderShape::order).orElse(null);
    }

    /** The orders' increment ids in entity id order, Magento 2's default. */
    private List<String> ordersByEntityId() {
        Map<String, String> byEntity = new TreeMap<>(NaturalOrder.INSTANCE);
        for (RecordTable.Row row : store.orders().rows()) {
            String entity = Values.text(row.record().get("order_id"));
            byEntity.put(entity == null ? "~" + row.id() : entity, row.id());
        }
        return new ArrayList<>(byEntity.values());
    }

    /** {"entity": {entity_id, state, status, ...}}: the order's columns sent replace its own. */
    private JsonNode saveOrder(RestRequest request) throws RestError {
        JsonNode entity = request.required("entity");
        JsonNode entityId = entity.get("entity_id");
        if (entityId == null || entityId.isNull()) {
            throw RestError.required("entity_id");
        }
        String incrementId = orderIncrementId(entityId.asText());
        store.orders().update(incrementId, order -> {
            entity.fields().forEachRemaining(field -> {
                if (!NOT_WRITABLE.contains(field.getKey()) && !field.getValue().isContainerNode()) {
                    order.put(field.getKey(), SalesFieldTypes.store(field.getKey(), field.getValue()));
                }
            });
            order.put("updated_at", MagentoDates.now());
        });
        return orderView(incrementId);
    }

    /** {"statusHistory": {comment, is_customer_notified, is_visible_on_front, status}}: true. */
    private JsonNode addComment(RestRequest request) throws RestError {
        String incrementId = orderIncrementId(request.param("id"));
        JsonNode entry = request.required("statusHistory");
        String status = text(entry.get("status"));
        String comment = text(entry.get("comment"));
        boolean notified = Values.truthy(text(entry.get("is_customer_notified")));
        boolean visible = Values.truthy(text(entry.get("is_visible_on_front")));
        String historyId = Long.toString(nextHistoryId());
        store.orders().update(incrementId, order -> {
            if (status != null) {
                order.put("status", status);
            }
            OrderHistory.add(order, status, comment, notified, visible, historyId);
        });
        return BooleanNode.TRUE;
    }

    /** The next history entry id: one more than any an order holds, as Magento's auto-increment. */
    private synchronized long nextHistoryId() {
        if (lastHistoryId < 0) {
            lastHistoryId = 0;
            for (Map<String, Object> order : store.orders().records()) {
                if (order.get("status_history") instanceof List<?> entries) {
                    for (Object entry : entries) {
                        if (entry instanceof Map<?, ?> map) {
                            lastHistoryId = Math.max(lastHistoryId, Values.decimal(map.get("entity_id")).longValue());
                        }
                    }
                }
            }
        }
        return ++lastHistoryId;
    }

    // ---- invoices and shipments

    /** {"items": [{"orderItemId", "qty"}], "comment": {"comment", ...}, "notify", "appendComment", "capture"}. */
    private JsonNode invoice(RestRequest request) throws RestError {
        return TextNode.valueOf(Values.text(create(SalesDocuments.Kind.INVOICE, request, "orderItemId").get("invoice_id")));
    }

    /** {"items": [{"order_item_id", "qty"}], "tracks": [{track_number, title, carrier_code}], "comment", "notify", "appendComment"}. */
    private JsonNode ship(RestRequest request) throws RestError {
        Map<String, Object> shipment = create(SalesDocuments.Kind.SHIPMENT, request, "order_item_id");
        JsonNode tracks = request.body() == null ? null : request.body().get("tracks");
        if (tracks != null && tracks.isArray()) {
            for (JsonNode track : tracks) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("weight", null);
                fields.put("qty", null);
                fields.put("track_number", text(track.get("track_number")));
                fields.put("description", text(track.get("description")));
                fields.put("title", text(track.get("title")));
                fields.put("carrier_code", text(track.get("carrier_code")));
                documents.addTrack(Values.text(shipment.get("increment_id")), fields);
            }
        }
        return TextNode.valueOf(Values.text(shipment.get("shipment_id")));
    }

    private Map<String, Object> create(SalesDocuments.Kind kind, RestRequest request, String itemIdField) throws RestError {
        String incrementId = orderIncrementId(request.param("id"));
        Map<String, Object> requested = requestedQuantities(request.body(), itemIdField);
        Map<String, Object> order = store.orders().get(incrementId).orElseThrow(RestError::entityNotFound);
        List<String> problems = validate(kind, order, requested);
        String what = kind == SalesDocuments.Kind.INVOICE ? "Invoice" : "Shipment";
        if (!problems.isEmpty()) {
            throw new RestError(400, what + " Document Validation Error(s):\n" + String.join("\n", problems));
        }
        JsonNode body = request.body();
        JsonNode comment = body == null ? null : body.path("comment").get("comment");
        boolean notify = body != null && Values.truthy(text(body.get("notify")));
        boolean appendComment = body != null && Values.truthy(text(body.get("appendComment")));
        try {
            return documents.create(kind, incrementId, requested, text(comment), notify, appendComment);
        } catch (ApiFault fault) {
            throw new RestError(400, what + " Document Validation Error(s):\n" + nothingToDo(kind));
        }
    }

    /** {item id: qty} of the request's items; null for none (everything left). */
    private static Map<String, Object> requestedQuantities(JsonNode body, String itemIdField) throws RestError {
        JsonNode items = body == null ? null : body.get("items");
        if (items == null || items.isNull() || (items.isArray() && items.isEmpty())) {
            return null;
        }
        if (!items.isArray()) {
            throw RestError.invalidValue("items", items.toString());
        }
        Map<String, Object> requested = new LinkedHashMap<>();
        for (JsonNode item : items) {
            // Magento reads either spelling: order_item_id or orderItemId.
            JsonNode id = item.has(itemIdField) ? item.get(itemIdField) : item.has("order_item_id") ? item.get("order_item_id") : item.get("orderItemId");
            if (id == null || id.isNull()) {
                throw RestError.required("order_item_id");
            }
            JsonNode qty = item.get("qty");
            if (qty == null || qty.isNull()) {
                throw RestError.required("qty");
            }
            if (!qty.isNumber() && !isNumber(qty.asText())) {
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("value", qty.asText());
                parameters.put("type", "float");
                throw new RestError(400, "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.",
                        parameters);
            }
            BigDecimal amount = qty.isNumber() ? qty.decimalValue() : new BigDecimal(qty.asText().trim());
            requested.merge(id.asText(), amount.toPlainString(), (a, b) -> b);
        }
        return requested;
    }

    /** Magento 2's document validation: the order's state, then each line asked for. */
    private static List<String> validate(SalesDocuments.Kind kind, Map<String, Object> order, Map<String, Object> requested) {
        List<String> problems = new ArrayList<>();
        String state = Values.text(order.get("state"));
        boolean invoice = kind == SalesDocuments.Kind.INVOICE;
        if (CLOSED_STATES.contains(state) || (invoice && "complete".equals(state))) {
            problems.add(invoice ? "The order does not allow an invoice to be created." : "The order does not allow a shipment to be created.");
        }
        if (requested == null) {
            return problems;
        }
        OrderLines lines = new OrderLines(order);
        BigDecimal total = BigDecimal.ZERO;
        boolean unknown = false;
        for (Map.Entry<String, Object> entry : requested.entrySet()) {
            Map<String, Object> item = lines.item(entry.getKey());
            BigDecimal qty = Values.decimal(entry.getValue());
            if (item == null) {
                unknown = true;
                continue;
            }
            if (!lines.follows(kind, item) && qty.compareTo(OrderLines.left(kind, item)) > 0) {
                problems.add((invoice ? "The quantity to invoice must not be greater than the uninvoiced quantity"
                        : "The quantity to ship must not be greater than the unshipped quantity") + " for product SKU \""
                        + Values.text(item.get("sku")) + "\".");
            }
            total = total.add(qty);
        }
        if (unknown && invoice) {
            problems.add("The invoice contains one or more items that are not part of the original order.");
        } else if (total.signum() <= 0) {
            problems.add(nothingToDo(kind));
        }
        return problems;
    }

    private static String nothingToDo(SalesDocuments.Kind kind) {
        return kind == SalesDocuments.Kind.INVOICE ? "You can't create an invoice without products." : "You can't create a shipment without products.";
    }

    /**
     * {"entity": {order_id, parent_id (the shipment's entity id), weight, qty, description,
     * track_number, title, carrier_code}}: the track, as stored. Magento 2 checks no carrier
     * list here; the track belongs to its shipment's order whatever order_id says.
     */
    private JsonNode track(RestRequest request) throws RestError {
        JsonNode entity = request.required("entity");
        JsonNode parent = entity.get("parent_id");
        if (parent == null || parent.isNull()) {
            throw RestError.required("parent_id");
        }
        String shipment;
        try {
            shipment = documentIncrementId(SalesDocuments.Kind.SHIPMENT, parent.asText());
        } catch (RestError e) {
            throw new RestError(400, "Could not save the shipment tracking.");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("weight", "qty")) {
            fields.put(field, entity.has(field) ? SalesFieldTypes.store(field, entity.get(field)) : null);
        }
        for (String field : List.of("track_number", "description", "title", "carrier_code")) {
            fields.put(field, text(entity.get(field)));
        }
        return RestDocumentShapes.track(documents.addTrack(shipment, fields));
    }

    private List<String> documentIds(SalesDocuments.Kind kind) {
        return documents.table(kind).ids();
    }

    /** The increment id of the invoice or shipment whose entity id this is; 404 as Magento's repositories. */
    private String documentIncrementId(SalesDocuments.Kind kind, String entityId) throws RestError {
        List<String> ids = documents.table(kind).ids(record -> entityId != null && entityId.equals(Values.text(record.get(kind.entityField))));
        if (ids.isEmpty()) {
            throw RestError.entityNotFound();
        }
        return ids.get(0);
    }

    private JsonNode invoiceView(String incrementId) {
        return store.invoices().get(incrementId).map(RestDocumentShapes::invoice).orElse(null);
    }

    private JsonNode shipmentView(String incrementId) {
        Map<String, Object> shipment = store.shipments().get(incrementId).orElse(null);
        if (shipment == null) {
            return null;
        }
        List<Map<String, Object>> tracks = new ArrayList<>();
        for (String trackId : store.tracks().idsOwnedBy(incrementId)) {
            store.tracks().get(trackId).ifPresent(tracks::add);
        }
        return RestDocumentShapes.shipment(shipment, tracks);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isBoolean() ? (node.booleanValue() ? "1" : "0") : node.asText();
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
