package io.connector.magento.v17.internal.adapter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ShipmentAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Shipments of sales orders, by increment id: {@code sales_order_shipment.create} ships items of
 * an order (fault 102 when there is nothing left to ship), {@code list} finds an order's
 * shipments, {@code getCarriers} says which carrier codes an order may be tracked with,
 * {@code addTrack} adds a tracking number to a shipment.
 */
@Component(name = "io.connector.magento.adapter.ShipmentAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.SHIPMENT)
public final class StandardShipmentAdapter extends MagentoAdapter implements ShipmentAdapter {

    @Activate
    public StandardShipmentAdapter(@Reference MagentoClients clients) {
        super(clients, "sales_order_shipment");
    }

    /**
     * Ships {@code items} (item id to quantity; empty for everything left) of order
     * {@code orderIncrementId}; the new shipment's increment id, or null when Magento answered none.
     */
    @Override
    public String create(String orderIncrementId, Map<String, Object> items, String comment, boolean email,
            boolean includeComment) {
        return createdId(nothingLeftAs102(() -> call(resource() + ".create",
                Arrays.asList(orderIncrementId, items, comment, email, includeComment))));
    }

    /** The increment ids of the shipments of the order whose entity id is {@code orderId}. */
    @Override
    public List<String> ofOrder(Object orderId) {
        return ids(call(resource() + ".list", List.of(Map.of("order_id", Map.of("eq", orderId)))), "increment_id");
    }

    /** The carrier codes order {@code orderIncrementId} can be tracked with, and their titles. */
    @Override
    public Map<String, String> carriers(String orderIncrementId) {
        Map<String, Object> answer = struct(call(resource() + ".getCarriers", List.of(orderIncrementId)),
                resource() + ".getCarriers " + orderIncrementId);
        Map<String, String> carriers = new LinkedHashMap<>();
        answer.forEach((code, title) -> carriers.put(code, String.valueOf(title)));
        return carriers;
    }

    /** Adds tracking number {@code number} to shipment {@code shipmentIncrementId}; the track's id. */
    @Override
    public String addTrack(String shipmentIncrementId, String carrierCode, String title, String number) {
        Object answer = call(resource() + ".addTrack", List.of(shipmentIncrementId, carrierCode, title, number));
        String id = createdId(answer);
        if (id == null) {
            throw malformed("the new track's id for " + resource() + ".addTrack " + shipmentIncrementId, answer);
        }
        return id;
    }
}
