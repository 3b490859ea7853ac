package io.connector.magento.internal.exporter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.api.store.StoreSession;
import io.connector.core.sync.AbstractExportListener;
import io.connector.magento.MagentoModels;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * An invoice that reaches the state its order's payment method (else the order's Magento store)
 * says to export at, {@code open} or {@code paid} ({@code paid} by default), gets a Magento
 * binding on each backend its order came from; a new invoice binding delays its export. Reaching
 * means that state or a later one: an invoice paid at once is exported under "open" too, where
 * the reference, which only hears the transition, would never send it.
 */
@Component(service = RecordListener.class, property = {
    RecordListener.MODEL + "=account.invoice", RecordListener.MODEL + "=" + MagentoModels.INVOICE})
public final class InvoiceExportListener extends AbstractExportListener {

    private static final List<String> STATES = List.of("open", "paid");

    @Activate
    public InvoiceExportListener(BundleContext context) {
        super(context);
    }

    public InvoiceExportListener(Supplier<JobQueue> jobs, Supplier<BackendRecords> backends) {
        super(jobs, backends);
    }

    @Override
    public void onRecordCreate(RecordEvent event) {
        if (event.noExport()) {
            return;
        }
        if (event.model().equals(MagentoModels.INVOICE)) {
            Object backend = event.session().read(event.model(), List.of(event.id()), List.of("backend_id")).get(0).get("backend_id");
            delayExport(backend.toString(), event.model(), event.id(), List.of(), 10, "Export invoice binding " + event.id());
        } else {
            invoiceChanged(event);
        }
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        if (!event.noExport() && event.model().equals("account.invoice") && event.values().containsKey("state")) {
            invoiceChanged(event);
        }
    }

    private void invoiceChanged(RecordEvent event) {
        StoreSession session = event.session();
        Map<String, Object> invoice = session.read("account.invoice", List.of(event.id()), List.of("state", "order_id")).get(0);
        int reached = STATES.indexOf(String.valueOf(invoice.get("state")));
        if (reached < 0 || !(invoice.get("order_id") instanceof Number orderId)) {
            return;
        }
        Map<String, Object> order = session.read("sale.order", List.of(orderId.longValue()), List.of("payment_method_id")).get(0);
        Optional<String> methodRule = order.get("payment_method_id") instanceof Number method
                ? session.read("sale.payment.method", List.of(method.longValue()), List.of("create_invoice_on")).stream()
                        .map(m -> m.get("create_invoice_on")).filter(rule -> rule != null).map(Object::toString).findFirst()
                : Optional.empty();
        for (Map<String, Object> orderBinding : bindingsOf(session, MagentoModels.SALE_ORDER, orderId.longValue())) {
            if (orderBinding.get("external_id") == null) {
                continue;
            }
            String backendId = orderBinding.get("backend_id").toString();
            boolean bound = session.query(MagentoModels.INVOICE).where("backend_id", "=", backendId)
                    .where("record_id", "=", event.id()).count() > 0;
            String rule = methodRule.orElseGet(() -> storeRule(session, (Long) orderBinding.get("id")));
            if (!bound && reached >= STATES.indexOf(rule)) {
                session.create(MagentoModels.INVOICE, Map.of("backend_id", backendId, "record_id", event.id(),
                        "magento_order_id", orderBinding.get("id")));
            }
        }
    }

    /** The order's Magento store's create_invoice_on; paid when unknown. */
    private static String storeRule(StoreSession session, long orderBindingId) {
        Object view = session.read(MagentoModels.SALE_ORDER, List.of(orderBindingId), List.of("storeview_id")).get(0).get("storeview_id");
        if (!(view instanceof Number viewId)) {
            return "paid";
        }
        Object store = session.read(MagentoModels.STORE_VIEW, List.of(viewId.longValue()), List.of("store_id")).get(0).get("store_id");
        if (!(store instanceof Number storeId)) {
            return "paid";
        }
        Object rule = session.read(MagentoModels.STORE, List.of(storeId.longValue()), List.of("create_invoice_on")).get(0)
                .get("create_invoice_on");
        return rule == null ? "paid" : rule.toString();
    }
}
