package io.connector.magento.exporter;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.job.NothingToDoException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.adapter.InvoiceAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates an invoice in Magento, once: {@code sales_order_invoice.create} with the Magento item
 * ids of the invoiced order lines and their quantities. An invoice line names its order line, or
 * else is taken for the order's first line of its product (as the reference matches every line);
 * lines of neither are left out. Fault 102 (nothing left to invoice) means Magento has the invoice
 * already: the order's one invoice that no binding has is bound instead.
 */
@ConsumerType
public abstract class InvoiceExporter extends SaleOrderDocumentExporter {

    /** The comment Magento keeps with the invoice. */
    protected static final String COMMENT = "Invoice Created";

    @Override
    protected ExportResult export(StoreSession session, Map<String, Object> binding, String externalId, Collection<String> fields) {
        long bindingId = id(binding, "id");
        if (externalId != null) {
            return ExportResult.nothing("Already exported: " + describe(bindingId) + " is Magento invoice " + externalId);
        }
        Map<String, Object> order = orderBinding(session, binding);
        String orderIncrementId = order.get("external_id").toString();
        Map<String, Object> items = items(session, binding, order);
        if (items.isEmpty()) {
            throw new NothingToDoException("Canceled: " + describe(bindingId) + " has no line of Magento order " + orderIncrementId);
        }
        boolean mail = storeSetting(session, order, "send_invoice_paid_mail", true);
        return createOrFind(session, bindingId, "invoice", orderIncrementId,
                () -> adapter().create(orderIncrementId, items, COMMENT, mail, false),
                () -> adapter().ofOrder(order.get("magento_order_id")), " (items " + items + ")");
    }

    /** Magento item id to quantity, summed over the invoice's lines, in their order. */
    protected Map<String, Object> items(StoreSession session, Map<String, Object> binding, Map<String, Object> order) {
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        List<Map<String, Object>> lines = session.query("account.invoice.line").where("invoice_id", "=", binding.get("record_id"))
                .order("id").read("order_line_id", "product_id", "quantity");
        if (lines.isEmpty()) {
            throw noLinesYet(id(binding, "id"), "invoice");
        }
        for (Map<String, Object> line : lines) {
            Optional<String> item = line.get("order_line_id") instanceof Number orderLine
                    ? itemId(session, order, orderLine.longValue())
                    : line.get("product_id") instanceof Number product ? itemIdOfProduct(session, order, product.longValue())
                    : Optional.empty();
            BigDecimal quantity = line.get("quantity") instanceof BigDecimal q ? q : BigDecimal.ZERO;
            item.ifPresent(id -> quantities.merge(id, quantity, BigDecimal::add));
        }
        return positive(quantities);
    }

    protected InvoiceAdapter adapter() {
        return (InvoiceAdapter) unit(BackendAdapter.class);
    }
}
