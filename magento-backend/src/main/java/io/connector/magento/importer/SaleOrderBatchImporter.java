package io.connector.magento.importer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.unit.BatchImporter;
import io.connector.core.sync.RemoteDates;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.SaleOrderAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sale orders, store view by store view as the reference imports them: the import delays one
 * batch per store view that imports orders, each from that store view's own date (or from
 * {@code --since}) to the moment the import started. A store view's batch searches its new
 * orders, imports them in chunks, and moves the store view's date to where it ended less
 * {@link #OVERLAP}, in the same transaction: a batch that failed leaves the date, so no order is
 * missed; an order found twice is skipped the second time.
 */
@ConsumerType
public abstract class SaleOrderBatchImporter extends MagentoBatchImporter {

    /** Magento dates an order when its transaction begins, which may commit after our search. */
    public static final Duration OVERLAP = Duration.ofSeconds(30);

    @Override
    public void run(Map<String, Object> filters) {
        Map<String, Object> remote = new HashMap<>(filters == null ? Map.of() : filters);
        if (remote.containsKey(SaleOrderAdapter.STORE_VIEW_FILTER)) {
            importStoreView(remote);
        } else {
            delayStoreViews(remote);
        }
    }

    private void delayStoreViews(Map<String, Object> filters) {
        List<Map<String, Object>> views = environment().store().inTransaction(s -> s.query(MagentoModels.STORE_VIEW)
                .where("backend_id", "=", backendRecord().id()).order("id")
                .read("external_id", "name", "no_sales_order_sync", "import_orders_from_date"));
        if (views.isEmpty()) {
            throw new ConnectorException("Backend " + backendRecord().name() + " has no Magento store view yet: run "
                    + "connector:import " + backendRecord().name() + " metadata first");
        }
        for (Map<String, Object> view : views) {
            if (Boolean.TRUE.equals(view.get("no_sales_order_sync"))) {
                continue;
            }
            Map<String, Object> byView = new LinkedHashMap<>();
            byView.put(SaleOrderAdapter.STORE_VIEW_FILTER, view.get("external_id"));
            Object from = filters.containsKey(BatchImporter.FROM_DATE) ? filters.get(BatchImporter.FROM_DATE)
                    : view.get("import_orders_from_date");
            if (from != null) {
                byView.put(BatchImporter.FROM_DATE, from.toString());
            }
            byView.put(BatchImporter.TO_DATE, filters.containsKey(BatchImporter.TO_DATE) ? filters.get(BatchImporter.TO_DATE)
                    : LocalDateTime.now(ZoneOffset.UTC).withNano(0).toString());
            if (filters.containsKey(BatchImporter.CHUNK_SIZE)) {
                byView.put(BatchImporter.CHUNK_SIZE, filters.get(BatchImporter.CHUNK_SIZE));
            }
            environment().jobs().job("import_batch")
                    .args(Map.of("backend_id", backendRecord().id(), "model", model(), "filters", byView))
                    .backend(backendRecord().id()).priority(1)
                    .description("Import sale orders of store view " + view.get("name") + " (" + view.get("external_id")
                            + ") from " + backendRecord().name() + (from == null ? "" : " created since " + from))
                    .delay();
        }
    }

    private void importStoreView(Map<String, Object> filters) {
        int chunkSize = takeChunkSize(filters);
        String view = filters.get(SaleOrderAdapter.STORE_VIEW_FILTER).toString();
        importAll(search(filters), chunkSize);
        Object to = filters.get(BatchImporter.TO_DATE);
        if (to != null) {
            LocalDateTime next = RemoteDates.utc(to).minus(OVERLAP);
            environment().store().inTransaction(s -> {
                s.query(MagentoModels.STORE_VIEW).where("backend_id", "=", backendRecord().id()).where("external_id", "=", view)
                        .first().ifPresent(id -> s.noExport().write(MagentoModels.STORE_VIEW, id,
                                Map.of("import_orders_from_date", next)));
                return null;
            });
        }
    }
}
