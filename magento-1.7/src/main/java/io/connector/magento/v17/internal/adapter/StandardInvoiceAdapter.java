package io.connector.magento.v17.internal.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.InvoiceAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Invoices of sales orders, by increment id: {@code sales_order_invoice.create} invoices items of
 * an order (Magento answers fault 102 when there is nothing left to invoice),
 * {@code sales_order_invoice.list} finds an order's invoices.
 */
@Component(name = "io.connector.magento.adapter.InvoiceAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.INVOICE)
public final class StandardInvoiceAdapter extends MagentoAdapter implements InvoiceAdapter {

    @Activate
    public StandardInvoiceAdapter(@Reference MagentoClients clients) {
        super(clients, "sales_order_invoice");
    }

    /**
     * Invoices {@code items} (item id to quantity; empty for everything left) of order
     * {@code orderIncrementId}; the new invoice's increment id, or null when Magento answered none.
     */
    @Override
    public String create(String orderIncrementId, Map<String, Object> items, String comment, boolean email,
            boolean includeComment) {
        return createdId(nothingLeftAs102(() -> call(resource() + ".create",
                Arrays.asList(orderIncrementId, items, comment, email, includeComment))));
    }

    /** The increment ids of the invoices of the order whose entity id is {@code orderId}. */
    @Override
    public List<String> ofOrder(Object orderId) {
        return ids(call(resource() + ".list", List.of(Map.of("order_id", Map.of("eq", orderId)))), "increment_id");
    }
}
