package io.connector.magento.v17.internal.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.SaleOrderAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Sales orders, by increment id. {@code sales_order.search} is the Magento-side extension's
 * method: it takes {@code {imported, filters}} and answers increment ids; the date window is on
 * {@code created_at} (an order is imported once, when it is new), the store view in
 * {@code store_id}. {@code sales_order.get_parent} walks an edited order's chain;
 * {@code sales_order.addComment} sets an order's status.
 */
@Component(name = "io.connector.magento.adapter.SaleOrderAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.SALE_ORDER)
public final class StandardSaleOrderAdapter extends MagentoAdapter implements SaleOrderAdapter {

    @Activate
    public StandardSaleOrderAdapter(@Reference MagentoClients clients) {
        super(clients, "sales_order");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        Map<String, Object> argument = new LinkedHashMap<>();
        argument.put("imported", false);
        argument.put("filters", orderFilters(filters));
        return ids(call(resource() + ".search", List.of(argument)), null);
    }

    /** An order is imported once, when it is new: the window is on its creation. */
    @Override
    protected String dateField() {
        return "created_at";
    }

    /** Not cancelled, created in the window, in the store view: the reference's filters, as Magento takes them. */
    protected Map<String, Object> orderFilters(Map<String, Object> filters) {
        Map<String, Object> given = new LinkedHashMap<>(filters == null ? Map.of() : filters);
        Object storeView = given.remove(STORE_VIEW_FILTER);
        Map<String, Object> remote = new LinkedHashMap<>();
        remote.put("state", Map.of("neq", "canceled"));
        if (storeView != null) {
            remote.put("store_id", Map.of("in", List.of(storeView.toString())));
        }
        remote.putAll(remoteFilters(given));
        return remote;
    }

    /**
     * The increment id of the order {@code incrementId} was edited from, or empty at the chain's
     * start (Magento answers {@code false}).
     */
    @Override
    public Optional<String> parentOf(String incrementId) {
        Object answer = call(resource() + ".get_parent", List.of(incrementId));
        if (answer == null || Boolean.FALSE.equals(answer) || answer.toString().isBlank()) {
            return Optional.empty();
        }
        if (answer instanceof Map<?, ?> || answer instanceof List<?>) {
            throw malformed("an increment id or false for " + resource() + ".get_parent " + incrementId, answer);
        }
        return Optional.of(answer.toString());
    }

    /**
     * Sets the status of order {@code incrementId}, with a comment for its history when given
     * (a null comment and notify are left out of the call, as the reference sends them).
     */
    @Override
    public void addComment(String incrementId, String status, String comment, Boolean notify) {
        Object answer = call(resource() + ".addComment", java.util.Arrays.asList(incrementId, status, comment, notify));
        if (!done(answer)) {
            throw malformed("true for " + resource() + ".addComment " + incrementId, answer);
        }
    }

    /** The status of order {@code incrementId}, read with {@code sales_order.info} (the increment id as text). */
    @Override
    public String statusOf(String incrementId) {
        Map<String, Object> order = struct(call(resource() + ".info", List.of(incrementId)), resource() + ".info " + incrementId);
        Object status = order.get("status");
        return status == null ? null : status.toString();
    }
}
