package io.connector.magento.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/** Shipments of sales orders and their tracking numbers. */
@ConsumerType
public interface ShipmentAdapter extends BackendAdapter {

    /**
     * Ships {@code items} (item id to quantity; empty for everything left) of order
     * {@code orderExternalId}; the new shipment's id, or null when Magento answered none. Throws
     * {@link NothingLeftException} when the order has nothing left to ship.
     */
    String create(String orderExternalId, Map<String, Object> items, String comment, boolean email, boolean includeComment);

    /** The ids of the shipments of the order whose Magento entity id is {@code orderId}. */
    List<String> ofOrder(Object orderId);

    /**
     * The carrier codes order {@code orderExternalId} can be tracked with, and their titles; empty
     * when the API cannot say (any code is then sent as it is).
     */
    Map<String, String> carriers(String orderExternalId);

    /** Adds tracking number {@code number} to shipment {@code shipmentId}; the track's id. */
    String addTrack(String shipmentId, String carrierCode, String title, String number);

    /**
     * Adds tracking number {@code number} to shipment {@code shipmentId}, described as
     * {@code description} (the delivery's name; null for none) where the API keeps a description
     * (Magento 2 does, Magento 1's {@code addTrack} does not: it is left out); the track's id.
     */
    default String addTrack(String shipmentId, String carrierCode, String title, String number, String description) {
        return addTrack(shipmentId, carrierCode, title, number);
    }
}
