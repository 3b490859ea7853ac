package io.connector.magento.internal.exporter;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.core.sync.AbstractExportListener;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.ProductStockExporter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A write of a product binding's quantity, manage-stock or backorders outside an import delays
 * the export of just those fields (priority 20), unless the binding's stock is not synchronized;
 * the products written in one transaction are exported together, a chunk a job.
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=" + MagentoModels.PRODUCT)
public final class StockExportListener extends AbstractExportListener {

    @Activate
    public StockExportListener(BundleContext context) {
        super(context);
    }

    public StockExportListener(Supplier<JobQueue> jobs, Supplier<BackendRecords> backends) {
        super(jobs, backends);
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        if (event.noExport()) {
            return;
        }
        List<String> fields = ProductStockExporter.STOCK_FIELDS.stream().filter(event.values()::containsKey).toList();
        if (fields.isEmpty()) {
            return;
        }
        Map<String, Object> binding = event.session().read(event.model(), List.of(event.id()), List.of("backend_id", "no_stock_sync"))
                .get(0);
        if (Boolean.TRUE.equals(binding.get("no_stock_sync"))) {
            return;
        }
        // Chunked at the commit: a stock written for many products at once is a few jobs of a multiCall each.
        delayExportAtCommit(event.session(), binding.get("backend_id").toString(), event.model(), event.id(), fields,
                ProductStockExporter.PRIORITY);
    }
}
