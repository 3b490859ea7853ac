package io.connector.magento.internal.exporter;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.connector.api.BackendRecords;
import io.connector.api.job.JobQueue;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.api.store.StoreSession;
import io.connector.core.sync.AbstractExportListener;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.ShipmentExporter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A delivery that becomes done gets a Magento shipment binding on each backend its order came
 * from, and a new shipment binding delays its export (which sends the tracking number after it).
 * A tracking number written on a done delivery already bound delays the export of just that
 * number (priority 20).
 */
@Component(service = RecordListener.class, property = {
    RecordListener.MODEL + "=stock.picking", RecordListener.MODEL + "=" + MagentoModels.SHIPMENT})
public final class ShipmentExportListener extends AbstractExportListener {

    @Activate
    public ShipmentExportListener(BundleContext context) {
        super(context);
    }

    public ShipmentExportListener(Supplier<JobQueue> jobs, Supplier<BackendRecords> backends) {
        super(jobs, backends);
    }

    @Override
    public void onRecordCreate(RecordEvent event) {
        if (event.noExport()) {
            return;
        }
        if (event.model().equals(MagentoModels.SHIPMENT)) {
            Object backend = event.session().read(event.model(), List.of(event.id()), List.of("backend_id")).get(0).get("backend_id");
            delayExport(backend.toString(), event.model(), event.id(), List.of(), 10, "Export shipment binding " + event.id());
        } else {
            pickingChanged(event, true);
        }
    }

    @Override
    public void onRecordWrite(RecordEvent event) {
        if (!event.noExport() && event.model().equals("stock.picking")) {
            pickingChanged(event, false);
        }
    }

    private void pickingChanged(RecordEvent event, boolean created) {
        boolean stateWritten = created || event.values().containsKey("state");
        boolean trackingWritten = event.values().containsKey(ShipmentExporter.TRACKING_FIELD);
        if (!stateWritten && !trackingWritten) {
            return;
        }
        StoreSession session = event.session();
        Map<String, Object> picking = session.read("stock.picking", List.of(event.id()),
                List.of("state", "order_id", ShipmentExporter.TRACKING_FIELD)).get(0);
        if (!"done".equals(picking.get("state")) || !(picking.get("order_id") instanceof Number orderId)) {
            return;
        }
        for (Map<String, Object> orderBinding : bindingsOf(session, MagentoModels.SALE_ORDER, orderId.longValue())) {
            if (orderBinding.get("external_id") == null) {
                continue;
            }
            String backendId = orderBinding.get("backend_id").toString();
            List<Long> shipments = session.query(MagentoModels.SHIPMENT).where("backend_id", "=", backendId)
                    .where("record_id", "=", event.id()).ids();
            if (shipments.isEmpty()) {
                if (stateWritten) {
                    session.create(MagentoModels.SHIPMENT, Map.of("backend_id", backendId, "record_id", event.id(),
                            "magento_order_id", orderBinding.get("id")));
                }
            } else if (trackingWritten && picking.get(ShipmentExporter.TRACKING_FIELD) != null) {
                delayExport(backendId, MagentoModels.SHIPMENT, shipments.get(0), List.of(ShipmentExporter.TRACKING_FIELD),
                        ShipmentExporter.TRACKING_PRIORITY, "Export the tracking number of shipment binding " + shipments.get(0));
            }
        }
    }
}
