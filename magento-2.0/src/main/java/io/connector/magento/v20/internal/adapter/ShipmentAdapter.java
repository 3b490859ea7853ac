package io.connector.magento.v20.internal.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Shipments, known by their entity id: {@code POST order/{order entity id}/ship} ships items of an
 * order and answers the new shipment's entity id; Magento's refusal because nothing is left to
 * ship is a {@link io.connector.magento.adapter.NothingLeftException} ({@link SalesDocuments}).
 * {@code shipments} searched by {@code order_id} finds an order's shipments; {@code shipment/{id}}
 * reads one. A tracking number is {@code POST shipment/track}. Magento 2's API cannot say which
 * carriers an order may be tracked with: {@link #carriers} answers none, and the code is sent as it is.
 */
@Component(name = "io.connector.magento.v20.adapter.ShipmentAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.SHIPMENT)
public final class ShipmentAdapter extends Magento2Adapter implements io.connector.magento.adapter.ShipmentAdapter {

    @Activate
    public ShipmentAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "shipments";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("shipment/{}", id);
    }

    @Override
    protected String idField() {
        return "entity_id";
    }

    /**
     * {@code {"items": [{"order_item_id", "qty"}]}}, plus {@code "comment": {"comment",
     * "is_visible_on_front": 0}} and {@code "appendComment"} with a comment, {@code "notify": true}
     * when the customer is mailed. Empty items ship everything left: Magento 2 ships every item
     * left when it is given none.
     */
    @Override
    public String create(String orderExternalId, Map<String, Object> items, String comment, boolean email, boolean includeComment) {
        Map<String, Object> body = SalesDocuments.body(Map.of(), items, "order_item_id", comment, "is_visible_on_front", email,
                includeComment);
        RestPath path = RestPath.of("order/{}/ship", orderExternalId);
        return SalesDocuments.created("shipment", () -> client().post(path, body));
    }

    /** The entity ids of the shipments of the order whose entity id is {@code orderId}. */
    @Override
    public List<String> ofOrder(Object orderId) {
        return search(Map.of("order_id", Map.of("eq", orderId)));
    }

    /** None: Magento 2 has no API that lists an order's carriers, so any code is sent as it is. */
    @Override
    public Map<String, String> carriers(String orderExternalId) {
        return Map.of();
    }

    @Override
    public String addTrack(String shipmentId, String carrierCode, String title, String number) {
        return addTrack(shipmentId, carrierCode, title, number, null);
    }

    /**
     * {@code POST shipment/track} with {@code {"entity": {order_id, parent_id (the shipment),
     * weight: 0, qty: 1, description, track_number, title, carrier_code}}}, as the reference sends
     * it; the order's entity id is the shipment's ({@code GET shipment/{id}}). The track's entity id.
     */
    @Override
    public String addTrack(String shipmentId, String carrierCode, String title, String number, String description) {
        RestPath shipment = recordPath(shipmentId);
        Object orderId = struct(client().get(shipment), "GET " + shipment).get("order_id");
        if (orderId == null) {
            throw malformed("a shipment with an order_id", orderId, "GET " + shipment);
        }
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("order_id", orderId.toString());
        entity.put("parent_id", shipmentId);
        entity.put("weight", 0);
        entity.put("qty", 1);
        entity.put("description", description);
        entity.put("track_number", number);
        entity.put("title", title);
        entity.put("carrier_code", carrierCode);
        RestPath path = RestPath.of("shipment/track");
        Map<String, Object> track = struct(client().post(path, Map.of("entity", entity)), "POST " + path);
        Object id = track.get("entity_id");
        if (id == null) {
            throw malformed("the new track with its entity_id", track, "POST " + path);
        }
        return id.toString();
    }
}
