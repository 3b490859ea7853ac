package io.connector.magento.simulator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invoices, shipments and their tracks and comments as Magento 2 answers them
 * ({@code invoices}, {@code shipments}, {@code shipment/track}), from the records both
 * protocols' writes keep ({@link SalesDocuments}): each entity's own id ({@code invoice_id},
 * {@code shipment_id}, {@code track_id}, an item's {@code item_id}, a comment's
 * {@code comment_id}) is its {@code entity_id}, the columns typed as the order's
 * ({@link SalesFieldTypes}).
 */
final class RestDocumentShapes {

    private static final Set<String> LISTS = Set.of("items", "comments", "tracks", "order_increment_id");
    private static final List<String> TRACK_FIELDS = List.of("order_id", "created_at", "parent_id", "updated_at", "weight", "qty",
            "description", "track_number", "title", "carrier_code");

    private RestDocumentShapes() {
    }

    static ObjectNode invoice(Map<String, Object> record) {
        ObjectNode json = document(record, "invoice_id");
        // An invoice's state is its status code, 1 open, 2 paid, 3 canceled.
        RestJson.put(json, "state", RestJson.number(record.get("state")));
        return json;
    }

    /** @param tracks the shipment's tracks, in id order */
    static ObjectNode shipment(Map<String, Object> record, List<Map<String, Object>> tracks) {
        ObjectNode json = document(record, "shipment_id");
        ArrayNode list = json.putArray("tracks");
        tracks.forEach(track -> list.add(track(track)));
        return json;
    }

    static ObjectNode track(Map<String, Object> record) {
        ObjectNode json = RestJson.object();
        RestJson.put(json, "entity_id", RestJson.number(record.get("track_id")));
        for (String field : TRACK_FIELDS) {
            RestJson.put(json, field, SalesFieldTypes.json(field, record.get(field)));
        }
        return json;
    }

    private static ObjectNode document(Map<String, Object> record, String idField) {
        ObjectNode json = RestJson.object();
        RestJson.put(json, "entity_id", RestJson.number(record.get(idField)));
        record.forEach((field, value) -> {
            if (!field.equals(idField) && !LISTS.contains(field)) {
                RestJson.put(json, field, SalesFieldTypes.json(field, value));
            }
        });
        json.set("items", lines(record.get("items"), "item_id"));
        json.set("comments", lines(record.get("comments"), "comment_id"));
        return json;
    }

    private static ArrayNode lines(Object value, String idField) {
        ArrayNode list = RestJson.array();
        if (value instanceof List<?> lines) {
            for (Object line : lines) {
                if (line instanceof Map<?, ?> map) {
                    ObjectNode json = list.addObject();
                    RestJson.put(json, "entity_id", RestJson.number(map.get(idField)));
                    map.forEach((field, item) -> {
                        if (!field.equals(idField)) {
                            RestJson.put(json, String.valueOf(field), SalesFieldTypes.json(String.valueOf(field), item));
                        }
                    });
                }
            }
        }
        return list;
    }
}
