package io.connector.magento.exporter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.connector.api.ConnectorException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.InvalidDataException;
import io.connector.core.sync.AbstractExporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.NothingLeftException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the exports of an order's documents (invoices, shipments) share: the Magento order they
 * belong to, its store's settings, the Magento item ids of the order's lines, and finding the
 * document Magento made already when it says there is nothing left to invoice or ship.
 * Documents are created once and never updated, so the remote change date is not looked at.
 */
@ConsumerType
public abstract class SaleOrderDocumentExporter extends AbstractExporter {

    /** How long a document without any line yet waits for them (written after it, by another command). */
    public static final java.time.Duration NO_LINES_RETRY = java.time.Duration.ofSeconds(60);

    /**
     * A document with no line at all is not finished being written (its lines come after it):
     * retried later, and failed with this reason if they never come. One whose lines are all
     * outside the Magento order is nothing to do.
     */
    protected final io.connector.api.job.RetryableJobException noLinesYet(long bindingId, String what) {
        return new io.connector.api.job.RetryableJobException(describe(bindingId) + ": the " + what + " has no lines yet; "
                + "the export is retried in " + NO_LINES_RETRY.toSeconds() + " s", NO_LINES_RETRY, false);
    }

    @Override
    protected boolean checksRemoteChanges() {
        return false;
    }

    protected static long id(Map<String, Object> record, String field) {
        Object value = record.get(field);
        if (!(value instanceof Number number)) {
            throw new InvalidDataException("No " + field + " on " + record.get("id"));
        }
        return number.longValue();
    }

    /** The Magento order binding of the document, which must have its increment id. */
    protected final Map<String, Object> orderBinding(StoreSession session, Map<String, Object> binding) {
        long bindingId = id(binding, "id");
        Object orderBinding = binding.get("magento_order_id");
        if (!(orderBinding instanceof Number orderBindingId)) {
            throw new InvalidDataException(describe(bindingId) + " has no Magento order (magento_order_id)");
        }
        Map<String, Object> order = session.read(MagentoModels.SALE_ORDER, orderBindingId.longValue()).orElseThrow(() ->
                new InvalidDataException(describe(bindingId) + ": its Magento order " + orderBindingId + " no longer exists"));
        if (text(order.get("external_id")) == null) {
            throw new InvalidDataException(describe(bindingId) + ": its order (" + MagentoModels.SALE_ORDER + " "
                    + orderBindingId + ") has no Magento increment id");
        }
        return order;
    }

    /** The Magento store ({@code magento.store}) of the order's store view, when known. */
    protected final Optional<Map<String, Object>> storeOf(StoreSession session, Map<String, Object> order) {
        if (!(order.get("storeview_id") instanceof Number view)) {
            return Optional.empty();
        }
        return session.read(MagentoModels.STORE_VIEW, view.longValue()).map(v -> v.get("store_id"))
                .filter(Number.class::isInstance).flatMap(store -> session.read(MagentoModels.STORE, ((Number) store).longValue()));
    }

    /** A boolean setting of the order's store; {@code fallback} when it has none. */
    protected final boolean storeSetting(StoreSession session, Map<String, Object> order, String field, boolean fallback) {
        return storeOf(session, order).map(store -> store.get(field)).map(Boolean.TRUE::equals).orElse(fallback);
    }

    /** Item ids with their quantities as Magento takes them (doubles), the items of no quantity left out, in order. */
    protected static Map<String, Object> positive(Map<String, java.math.BigDecimal> quantities) {
        Map<String, Object> items = new java.util.LinkedHashMap<>();
        quantities.forEach((item, quantity) -> {
            if (quantity.signum() > 0) {
                items.put(item, quantity.doubleValue());
            }
        });
        return items;
    }

    /** The Magento item id of sale order line {@code orderLineId} in the order. */
    protected final Optional<String> itemId(StoreSession session, Map<String, Object> order, long orderLineId) {
        return session.query(MagentoModels.SALE_ORDER_LINE).where("magento_order_id", "=", order.get("id"))
                .where("record_id", "=", orderLineId).read("external_id").stream().map(row -> text(row.get("external_id")))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The Magento item id of the order's first line of product {@code productId} (in the order's sequence). */
    protected final Optional<String> itemIdOfProduct(StoreSession session, Map<String, Object> order, long productId) {
        return session.query(MagentoModels.SALE_ORDER_LINE).where("magento_order_id", "=", order.get("id"))
                .where("record_id.product_id", "=", productId).order("id").read("external_id").stream()
                .map(row -> text(row.get("external_id"))).filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Creates the document with {@code create} (its increment id, or null for none); when Magento
     * says there is nothing left ({@link NothingLeftException}) or answers no id, binds the order's one document
     * ({@code ofOrder}: the order's ids) that no binding has. {@code created} says what was made.
     */
    protected final ExportResult createOrFind(StoreSession session, long bindingId, String what, String orderIncrementId,
            java.util.function.Supplier<String> create, java.util.function.Supplier<List<String>> ofOrder, String created) {
        String id;
        NothingLeftException fault = null;
        try {
            id = create.get();
        } catch (NothingLeftException e) {
            id = null;
            fault = e;
        }
        if (id != null) {
            return ExportResult.exported(id, "Created Magento " + what + " " + id + " of order " + orderIncrementId + " from "
                    + describe(bindingId) + created);
        }
        String found = existing(session, bindingId, what, orderIncrementId, ofOrder.get(), fault);
        return ExportResult.exported(found, "Bound " + describe(bindingId) + " to Magento " + what + " " + found + " of order "
                + orderIncrementId + ", which Magento had already");
    }

    /**
     * After Magento said there is nothing left ({@code fault}; null when it answered no id): the
     * one document among {@code remoteIds} (the order's) that no binding of this backend has.
     */
    private String existing(StoreSession session, long bindingId, String what, String orderIncrementId,
            List<String> remoteIds, RuntimeException fault) {
        Set<String> bound = new HashSet<>();
        for (Map<String, Object> row : session.query(model()).where("backend_id", "=", backendRecord().id())
                .where("external_id", "in", remoteIds.isEmpty() ? List.of("") : remoteIds).read("external_id")) {
            bound.add(String.valueOf(row.get("external_id")));
        }
        List<String> free = new ArrayList<>();
        for (String id : remoteIds) {
            if (!bound.contains(id)) {
                free.add(id);
            }
        }
        String why = fault == null ? "Magento answered no " + what + " id" : fault.getMessage();
        if (free.size() == 1) {
            return free.get(0);
        }
        if (free.isEmpty()) {
            throw new ConnectorException(describe(bindingId) + ": " + why + ", and order " + orderIncrementId + " has no "
                    + what + " in Magento that is not bound already (it has " + remoteIds + ")");
        }
        throw new ConnectorException(describe(bindingId) + ": " + why + "; order " + orderIncrementId + " has several "
                + what + "s in Magento that no binding has (" + free + "): set the right one as this binding's external_id "
                + "with connector:record-write " + model() + " " + bindingId + " external_id=...");
    }
}
