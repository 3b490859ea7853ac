package io.connector.magento.exporter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.InvalidDataException;
import io.connector.core.sync.AbstractExporter;
import io.connector.magento.adapter.SaleOrderAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Exports an order's state as its Magento status ({@link #STATUS}): Magento's order is read first
 * and nothing is sent when it has that status already; else {@code sales_order.addComment} sets
 * it. The other fields of an order are Magento's: only {@code state} is exported.
 */
@ConsumerType
public abstract class SaleOrderStateExporter extends AbstractExporter {

    /** Every local order state and the Magento status it becomes. */
    public static final Map<String, String> STATUS = statuses();

    private static Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("draft", "pending");
        statuses.put("sale", "processing");
        statuses.put("done", "complete");
        statuses.put("cancel", "canceled");
        return java.util.Collections.unmodifiableMap(statuses);
    }

    @Override
    protected boolean checksRemoteChanges() {
        return false;
    }

    @Override
    protected ExportResult export(StoreSession session, Map<String, Object> binding, String externalId, Collection<String> fields) {
        long bindingId = ((Number) binding.get("id")).longValue();
        if (externalId == null) {
            throw new InvalidDataException(describe(bindingId) + " has no Magento increment id: orders come from Magento");
        }
        if (!fields.isEmpty() && !fields.contains("state")) {
            return ExportResult.nothing("Nothing to export for " + describe(bindingId) + ": of an order only its state is "
                    + "exported (changed: " + fields + ")");
        }
        Object state = binding.get("state");
        String status = STATUS.get(String.valueOf(state));
        if (status == null) {
            throw new ConnectorException(describe(bindingId) + ": state '" + state + "' has no Magento status (" + STATUS + ")");
        }
        SaleOrderAdapter adapter = (SaleOrderAdapter) unit(BackendAdapter.class);
        String current = adapter.statusOf(externalId);
        if (status.equals(current)) {
            return ExportResult.nothing("Magento order " + externalId + " is already " + status);
        }
        adapter.addComment(externalId, status, comment(binding, status), notifyCustomer(binding, status));
        return ExportResult.exported(externalId, "Magento order " + externalId + " is now " + status + " (was " + current + ")");
    }

    /** A comment for the order's history in Magento; none by default, as the reference sends. */
    protected String comment(Map<String, Object> binding, String status) {
        return null;
    }

    /** Whether Magento mails the customer; left to Magento (not sent) by default. */
    protected Boolean notifyCustomer(Map<String, Object> binding, String status) {
        return null;
    }
}
