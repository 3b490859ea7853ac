package io.connector.magento.v20.internal.adapter;

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
 * Invoices, known by their entity id: {@code POST order/{order entity id}/invoice} invoices items
 * of an order without capturing the payment, as the reference does, and answers the new invoice's
 * entity id; Magento's refusal because nothing is left to invoice is a
 * {@link io.connector.magento.adapter.NothingLeftException} ({@link SalesDocuments}).
 * {@code invoices} searched by {@code order_id} finds an order's invoices; {@code invoices/{id}}
 * reads one.
 */
@Component(name = "io.connector.magento.v20.adapter.InvoiceAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.INVOICE)
public final class InvoiceAdapter extends Magento2Adapter implements io.connector.magento.adapter.InvoiceAdapter {

    @Activate
    public InvoiceAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "invoices";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("invoices/{}", id);
    }

    @Override
    protected String idField() {
        return "entity_id";
    }

    /**
     * {@code {"capture": false, "items": [{"orderItemId", "qty"}], "comment": {"comment",
     * "isVisibleOnFront": 0}, "appendComment"}} (the comment and whether the mail includes it only
     * with a comment), plus {@code "notify": true} when the customer is mailed (Magento's default
     * is not to). Empty items invoice everything left, as Magento takes none.
     */
    @Override
    public String create(String orderExternalId, Map<String, Object> items, String comment, boolean email, boolean includeComment) {
        Map<String, Object> body = SalesDocuments.body(Map.of("capture", false), items, "orderItemId", comment, "isVisibleOnFront",
                email, includeComment);
        RestPath path = RestPath.of("order/{}/invoice", orderExternalId);
        return SalesDocuments.created("invoice", () -> client().post(path, body));
    }

    /** The entity ids of the invoices of the order whose entity id is {@code orderId}. */
    @Override
    public List<String> ofOrder(Object orderId) {
        return search(Map.of("order_id", Map.of("eq", orderId)));
    }

}
