package io.connector.magento.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.magento.client.MagentoClients;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Invoices of sales orders, by increment id: {@code sales_order_invoice.create} invoices items of
 * an order (Magento answers fault 102 when there is nothing left to invoice),
 * {@code sales_order_invoice.list} finds an order's invoices.
 */
@ConsumerType
public abstract class InvoiceAdapter extends MagentoAdapter {

    protected InvoiceAdapter(MagentoClients clients) {
        super(clients, "sales_order_invoice");
    }

    /**
     * Invoices {@code items} (item id to quantity; empty for everything left) of order
     * {@code orderIncrementId}; the new invoice's increment id, or null when Magento answered none.
     */
    public String create(String orderIncrementId, Map<String, Object> items, String comment, boolean email,
            boolean includeComment) {
        Object answer = call(resource() + ".create", Arrays.asList(orderIncrementId, items, comment, email, includeComment));
        return createdId(answer);
    }

    /** The increment ids of the invoices of the order whose entity id is {@code orderId}. */
    public List<String> ofOrder(Object orderId) {
        return ids(call(resource() + ".list", List.of(Map.of("order_id", Map.of("eq", orderId)))), "increment_id");
    }

    /** Magento answers the new increment id, as text or as a number; false or empty when it made none. */
    static String createdId(Object answer) {
        if (answer == null || Boolean.FALSE.equals(answer) || answer instanceof Map<?, ?> || answer instanceof List<?>
                || answer.toString().isBlank()) {
            return null;
        }
        return answer.toString();
    }
}
