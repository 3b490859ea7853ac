package io.connector.magento.v20.internal.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.MagentoModels;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import io.connector.magento.v20.client.SearchCriteria;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Sales orders, known by their entity id (as the reference knows them on 2.0): {@code orders}
 * searched for new orders of a store view ({@code state neq canceled}, the window on
 * {@code created_at}, {@code store_id in}), {@code orders/{id}} read and renamed into the fields
 * the shared order importer reads for a Magento 1 order ({@link SaleOrderRecords}). An edited
 * order's parent is its {@code relation_parent_id}; a status is set with {@code POST orders} and
 * a history entry with {@code POST orders/{id}/comments}, as the reference does.
 */
@Component(name = "io.connector.magento.v20.adapter.SaleOrderAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.SALE_ORDER)
public final class SaleOrderAdapter extends Magento2Adapter implements io.connector.magento.adapter.SaleOrderAdapter {

    /**
     * The order state a status belongs to, for the statuses the state export sets: Magento 2 keeps
     * both, and a status outside its state's is not shown as such. The reference sets the state to
     * the status, which makes "pending" a state Magento does not have.
     */
    private static final Map<String, String> STATE_OF_STATUS = Map.of("pending", "new", "processing", "processing",
            "complete", "complete", "canceled", "canceled", "closed", "closed", "holded", "holded");

    @Activate
    public SaleOrderAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "orders";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("orders/{}", id);
    }

    @Override
    protected String idField() {
        return "entity_id";
    }

    /** An order is imported once, when it is new: the window is on its creation. */
    @Override
    protected String dateField() {
        return "created_at";
    }

    /**
     * Not cancelled, created in the window, in the store view: the reference's filter groups in
     * its order; any other filter given as it is.
     */
    @Override
    protected SearchCriteria criteria(Map<String, Object> filters) {
        Map<String, Object> given = new LinkedHashMap<>(filters == null ? Map.of() : filters);
        Object storeView = given.remove(STORE_VIEW_FILTER);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("state", Map.of("neq", "canceled"));
        for (String window : List.of(BatchImporter.FROM_DATE, BatchImporter.TO_DATE)) {
            if (given.get(window) != null) {
                ordered.put(window, given.get(window));
            }
            given.remove(window);
        }
        ordered.putAll(given);
        if (storeView != null) {
            ordered.put("store_id", Map.of("in", List.of(storeView.toString())));
        }
        return super.criteria(ordered);
    }

    private final AttributeLabels attributes = new AttributeLabels();

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, Object> normalize(Map<String, Object> record) {
        List<Map<String, Object>> items = record.get("items") instanceof List<?> list
                ? list.stream().filter(item -> item instanceof Map<?, ?>).map(item -> (Map<String, Object>) item).toList() : List.of();
        return SaleOrderRecords.order(record, attributes.chosen(client(), items));
    }

    /** The order's {@code relation_parent_id} (an entity id, as external ids are); empty at the chain's start or for an order gone. */
    @Override
    public Optional<String> parentOf(String externalId) {
        Map<String, Object> order;
        try {
            order = raw(externalId);
        } catch (RemoteRecordNotFoundException e) {
            // A parent deleted from the shop ends the chain: nothing above it can be linked.
            return Optional.empty();
        }
        String parent = Objects.toString(order.get("relation_parent_id"), "").trim();
        return parent.isEmpty() || parent.equals("0") ? Optional.empty() : Optional.of(parent);
    }

    /**
     * {@code POST orders} with the order's entity id, its status and the status's state, then
     * {@code POST orders/{id}/comments} with the comment (the status when none), the customer
     * notified only when there is a comment and {@code notify} says so, as the reference does.
     * The state export reads the status first and calls this only when it differs.
     */
    @Override
    public void addComment(String externalId, String status, String comment, Boolean notify) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("entity_id", externalId);
        String state = STATE_OF_STATUS.get(status);
        if (state != null) {
            entity.put("state", state);
        }
        entity.put("status", status);
        client().post(RestPath.of("orders"), Map.of("entity", entity));
        Map<String, Object> history = new LinkedHashMap<>();
        boolean commented = comment != null && !comment.isBlank();
        history.put("comment", commented ? comment : status);
        history.put("is_customer_notified", commented && Boolean.TRUE.equals(notify) ? 1 : 0);
        history.put("is_visible_on_front", 0);
        RestPath comments = RestPath.of("orders/{}/comments", externalId);
        Object answer = client().post(comments, Map.of("statusHistory", history));
        if (!Boolean.TRUE.equals(answer)) {
            throw malformed("true", answer, "POST " + comments);
        }
    }

    @Override
    public String statusOf(String externalId) {
        Object status = raw(externalId).get("status");
        return status == null ? null : status.toString();
    }

    private Map<String, Object> raw(String externalId) {
        RestPath path = recordPath(externalId);
        return struct(client().get(path), "GET " + path);
    }
}
