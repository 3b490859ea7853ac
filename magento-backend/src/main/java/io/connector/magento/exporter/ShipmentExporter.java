package io.connector.magento.exporter;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.NothingToDoException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.BackendAdapter;
import io.connector.core.sync.ExportJobs;
import io.connector.magento.adapter.ShipmentAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates a shipment in Magento once its delivery is done, then sends its tracking number.
 * {@code sales_order_shipment.create} ships everything left of the order (a complete delivery,
 * items {@code {}}) or the Magento items of the delivery's lines and their quantities (a partial
 * one). Fault 102 (nothing left to ship) means Magento has the shipment: the order's one shipment
 * that no binding has is bound, where the reference gives up.
 *
 * <p>The tracking number is an export of field {@value #TRACKING_FIELD}: {@code getCarriers}
 * for the order (an API that cannot tell, Magento 2's, answers none, and the code is sent as it
 * is), then {@code addTrack} with the carrier's code up to its first {@code _}
 * ({@code ups} of {@code ups_GND}) and the delivery's name as the track's description. A job that creates the shipment delays the tracking in a job
 * of its own rather than send it at once: a tracking refused (a carrier Magento does not offer)
 * then fails that job, with the reason, and does not undo the binding of a shipment Magento made.
 */
@ConsumerType
public abstract class ShipmentExporter extends SaleOrderDocumentExporter {

    public static final String TRACKING_FIELD = "carrier_tracking_ref";
    /** Tracking numbers after their shipment, as the reference orders them. */
    public static final int TRACKING_PRIORITY = 20;
    protected static final String COMMENT = "Shipping Created";

    @Override
    protected String mustSkip(StoreSession session, Map<String, Object> binding, Collection<String> fields) {
        Object state = binding.get("state");
        return "done".equals(state) ? null : "Not exported: " + describe(id(binding, "id")) + " is not done (" + state + ")";
    }

    @Override
    protected ExportResult export(StoreSession session, Map<String, Object> binding, String externalId, Collection<String> fields) {
        long bindingId = id(binding, "id");
        Map<String, Object> order = orderBinding(session, binding);
        String orderIncrementId = order.get("external_id").toString();
        boolean tracking = fields.isEmpty() || fields.contains(TRACKING_FIELD);
        if (externalId == null) {
            ExportResult created = createShipment(session, binding, order, orderIncrementId);
            if (tracking && text(binding.get(TRACKING_FIELD)) != null && !binding.get(TRACKING_FIELD).equals(binding.get("exported_tracking_ref"))) {
                ExportJobs.export(environment().jobs(), backendRecord().id(), model(), bindingId, List.of(TRACKING_FIELD))
                        .priority(TRACKING_PRIORITY).description("Export the tracking number of " + describe(bindingId)).delay();
                return ExportResult.exported(created.externalId(), created.message() + "; its tracking number follows");
            }
            return created;
        }
        if (!tracking) {
            return ExportResult.nothing("Nothing to export for " + describe(bindingId) + " (changed: " + fields + ")");
        }
        return ExportResult.exported(externalId, exportTracking(session, binding, order, externalId));
    }

    private ExportResult createShipment(StoreSession session, Map<String, Object> binding, Map<String, Object> order,
            String orderIncrementId) {
        long bindingId = id(binding, "id");
        Map<String, Object> items = items(session, binding, order);
        boolean mail = storeSetting(session, order, "send_picking_done_mail", true);
        return createOrFind(session, bindingId, "shipment", orderIncrementId,
                () -> adapter().create(orderIncrementId, items, COMMENT, mail, true),
                () -> adapter().ofOrder(order.get("magento_order_id")), items.isEmpty() ? " (complete)" : " (items " + items + ")");
    }

    /** Empty for a complete delivery; else the Magento item ids of its lines and their quantities. */
    protected Map<String, Object> items(StoreSession session, Map<String, Object> binding, Map<String, Object> order) {
        Object delivery = binding.get("delivery");
        if (delivery == null || "complete".equals(delivery)) {
            return Map.of();
        }
        if (!"partial".equals(delivery)) {
            throw new ConnectorException(describe(id(binding, "id")) + ": delivery '" + delivery + "' is neither complete nor partial");
        }
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        List<Map<String, Object>> lines = session.query("stock.picking.line").where("picking_id", "=", binding.get("record_id"))
                .order("id").read("order_line_id", "quantity");
        if (lines.isEmpty()) {
            throw noLinesYet(id(binding, "id"), "partial delivery");
        }
        for (Map<String, Object> line : lines) {
            if (line.get("order_line_id") instanceof Number orderLine) {
                BigDecimal quantity = line.get("quantity") instanceof BigDecimal q ? q : BigDecimal.ZERO;
                itemId(session, order, orderLine.longValue()).ifPresent(item -> quantities.merge(item, quantity, BigDecimal::add));
            }
        }
        Map<String, Object> items = positive(quantities);
        if (items.isEmpty()) {
            throw new NothingToDoException("Canceled: " + describe(id(binding, "id")) + " (a partial delivery) has no line of "
                    + "Magento order " + order.get("external_id"));
        }
        return items;
    }

    /** Sends the delivery's tracking number to shipment {@code shipmentId}, unless it was sent; what happened. */
    protected String exportTracking(StoreSession session, Map<String, Object> binding, Map<String, Object> order, String shipmentId) {
        long bindingId = id(binding, "id");
        String number = text(binding.get(TRACKING_FIELD));
        if (number == null) {
            return "No tracking number to send for " + describe(bindingId);
        }
        if (number.equals(binding.get("exported_tracking_ref"))) {
            return "Tracking number " + number + " of " + describe(bindingId) + " was sent already (track "
                    + binding.get("magento_track_id") + ")";
        }
        Object carrierId = binding.get("carrier_id");
        if (!(carrierId instanceof Number)) {
            carrierId = session.read("sale.order", id(order, "record_id")).map(o -> o.get("carrier_id")).orElse(null);
        }
        if (!(carrierId instanceof Number carrier)) {
            throw new ConnectorException(describe(bindingId) + " has tracking number " + number + " but no carrier, nor has its "
                    + "order: set the delivery's carrier_id to send it");
        }
        Map<String, Object> carrierRecord = session.read("delivery.carrier", carrier.longValue()).orElseThrow();
        if (Boolean.FALSE.equals(carrierRecord.get("magento_export_tracking"))) {
            return "Tracking numbers of carrier " + carrierRecord.get("code") + " are not exported (magento_export_tracking is "
                    + "false on delivery.carrier " + carrier + ")";
        }
        String code = carrierCode(String.valueOf(carrierRecord.get("code")));
        String orderIncrementId = order.get("external_id").toString();
        Map<String, String> offered = adapter().carriers(orderIncrementId);
        // An API that cannot say which carriers an order offers (Magento 2's) answers none: the code goes as it is.
        if (!offered.isEmpty() && !offered.containsKey(code)) {
            throw new ConnectorException(describe(bindingId) + ": Magento offers no carrier '" + code + "' for order "
                    + orderIncrementId + " (it offers " + offered.keySet() + "): enable it in Magento, or set "
                    + "magento_export_tracking=false on delivery.carrier " + carrier);
        }
        Object title = carrierRecord.get("magento_tracking_title");
        String track = adapter().addTrack(shipmentId, code, title == null ? "" : title.toString(), number,
                text(binding.get("name")));
        session.noExport().write(model(), bindingId, Map.of("magento_track_id", track, "exported_tracking_ref", number));
        return "Sent tracking number " + number + " (" + code + ") of " + describe(bindingId) + " to Magento shipment "
                + shipmentId + ": track " + track;
    }

    /** Magento's carrier code: the shipping method up to its first {@code _} ({@code ups} of {@code ups_GND}). */
    public static String carrierCode(String shippingMethod) {
        int cut = shippingMethod.indexOf('_');
        return cut < 0 ? shippingMethod : shippingMethod.substring(0, cut);
    }

    protected ShipmentAdapter adapter() {
        return (ShipmentAdapter) unit(BackendAdapter.class);
    }
}
