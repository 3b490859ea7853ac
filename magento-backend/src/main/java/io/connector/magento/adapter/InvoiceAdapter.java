package io.connector.magento.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/** Invoices of sales orders. */
@ConsumerType
public interface InvoiceAdapter extends BackendAdapter {

    /**
     * Invoices {@code items} (item id to quantity; empty for everything left) of order
     * {@code orderExternalId}; the new invoice's id, or null when Magento answered none. Throws
     * {@link NothingLeftException} when the order has nothing left to invoice.
     */
    String create(String orderExternalId, Map<String, Object> items, String comment, boolean email, boolean includeComment);

    /** The ids of the invoices of the order whose Magento entity id is {@code orderId}. */
    List<String> ofOrder(Object orderId);
}
