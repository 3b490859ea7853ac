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
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A change of an order's state outside an import (cancelled, reopened, confirmed, done) delays
 * the export of that state to each Magento the order came from. The reference hears only a
 * cancel and the copy of a cancelled order; every state has its Magento status here, and the
 * exporter sends nothing when Magento has it already.
 */
@Component(service = RecordListener.class, property = RecordListener.MODEL + "=sale.order")
public final class SaleOrderStateListener extends AbstractExportListener {

    @Activate
    public SaleOrderStateListener(BundleContext context) {
        super(context);
    }

    public SaleOrderStateListener(Supplier<JobQueue> jobs, Supplier<BackendRecords> backends) {
        super(jobs, backends);
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        Object state = event.values().get("state");
        if (event.noExport() || state == null) {
            return;
        }
        for (Map<String, Object> binding : bindingsOf(event.session(), MagentoModels.SALE_ORDER, event.id())) {
            if (binding.get("external_id") != null) {
                delayExport(binding.get("backend_id").toString(), MagentoModels.SALE_ORDER, (Long) binding.get("id"),
                        List.of("state"), 10, "Export state " + state + " of order " + binding.get("external_id"));
            }
        }
    }
}
