package io.connector.magento.exporter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.NothingToDoException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ChunkResult;
import io.connector.core.sync.AbstractExporter;
import io.connector.magento.adapter.ProductAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Exports a product's stock: the changed {@link #STOCK_FIELDS} of its binding, mapped by the
 * product's export mapper ({@code ProductExportMapper}), with
 * {@code oerp_cataloginventory_stock_item.update}. Magento is the catalogue's master: a product
 * itself is not exported, so a binding without a Magento id is an error, and the product's change
 * date in Magento says nothing about its stock.
 */
@ConsumerType
public abstract class ProductStockExporter extends AbstractExporter {

    /** The binding's fields whose change is exported, sorted. */
    public static final List<String> STOCK_FIELDS = List.of("backorders", "magento_qty", "manage_stock");
    /** Stock exports run after the default priority, as the reference's. */
    public static final int PRIORITY = 20;

    @Override
    protected boolean checksRemoteChanges() {
        return false;
    }

    @Override
    protected String mustSkip(StoreSession session, Map<String, Object> binding, Collection<String> fields) {
        if (Boolean.TRUE.equals(binding.get("no_stock_sync"))) {
            return "Not exported: the stock of " + describe(((Number) binding.get("id")).longValue()) + " is not synchronized "
                    + "(no_stock_sync)";
        }
        if ("service".equals(binding.get("type"))) {
            return "Not exported: " + describe(((Number) binding.get("id")).longValue()) + " is a service, without stock";
        }
        return null;
    }

    @Override
    protected ExportResult export(StoreSession session, Map<String, Object> binding, String externalId, Collection<String> fields) {
        // A create sends every field; the stock alone is all there is to send, so the fields stay as asked.
        return super.export(session, binding, externalId, fields.isEmpty() ? STOCK_FIELDS : fields);
    }

    /**
     * The stocks of a chunk of bindings in as few requests as the adapter can
     * ({@link ProductAdapter#updateStocks}; Magento 1.x: a {@code multiCall} of at most the
     * backend's {@code multicall.max} calls a request): each binding locked, read and mapped, those with
     * something to send sent together, each bound on its own answer. A binding that fails (held,
     * gone, a fault for its product) is named in the result, to be exported alone.
     */
    @Override
    public ChunkResult runChunk(List<Long> bindingIds, Collection<String> fields) {
        Collection<String> changed = fields == null || fields.isEmpty() ? STOCK_FIELDS : fields;
        return environment().store().inTransaction(session -> {
            Map<String, String> done = new LinkedHashMap<>();
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            List<Long> sent = new ArrayList<>();
            List<String> productIds = new ArrayList<>();
            List<Map<String, Object>> data = new ArrayList<>();
            for (long bindingId : bindingIds) {
                String key = Long.toString(bindingId);
                try {
                    Prepared prepared = prepare(session, bindingId, changed);
                    if (prepared.skipped() != null) {
                        done.put(key, prepared.skipped());
                        continue;
                    }
                    if (prepared.externalId() == null) {
                        throw noMagentoId();
                    }
                    Map<String, Object> values = mapper().mapRecord(prepared.binding()).values(false, changed, mapOptions());
                    if (values.isEmpty()) {
                        done.put(key, "Nothing to export for " + describe(bindingId) + " (changed: " + changed + ")");
                        continue;
                    }
                    sent.add(bindingId);
                    productIds.add(prepared.externalId());
                    data.add(values);
                } catch (NothingToDoException e) {
                    done.put(key, e.getMessage());
                } catch (RuntimeException e) {
                    failed.put(key, named(bindingId, null, e));
                }
            }
            List<RuntimeException> answers = ((ProductAdapter) unit(BackendAdapter.class)).updateStocks(productIds, data);
            for (int i = 0; i < sent.size(); i++) {
                long bindingId = sent.get(i);
                if (answers.get(i) != null) {
                    failed.put(Long.toString(bindingId), named(bindingId, productIds.get(i), answers.get(i)));
                } else {
                    done.put(Long.toString(bindingId), finish(session, bindingId, ExportResult.exported(productIds.get(i),
                            "Updated " + productIds.get(i) + " from " + describe(bindingId) + " (" + String.join(", ", changed) + ")")));
                }
            }
            return new ChunkResult(done, failed);
        });
    }

    @Override
    protected String createRemote(Map<String, Object> data) {
        throw noMagentoId();
    }

    private ConnectorException noMagentoId() {
        return new ConnectorException(model() + " of backend " + backendRecord().name() + ": a product without a Magento id has "
                + "no stock there; import the product from Magento first");
    }

    @Override
    protected void updateRemote(String externalId, Map<String, Object> data) {
        ((ProductAdapter) unit(BackendAdapter.class)).updateStock(externalId, data);
    }
}
