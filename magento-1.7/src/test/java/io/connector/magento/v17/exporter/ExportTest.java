package io.connector.magento.v17.exporter;

import static io.connector.magento.MagentoModels.INVOICE;
import static io.connector.magento.MagentoModels.PRODUCT;
import static io.connector.magento.MagentoModels.SALE_ORDER;
import static io.connector.magento.MagentoModels.SALE_ORDER_LINE;
import static io.connector.magento.MagentoModels.SHIPMENT;
import static io.connector.magento.MagentoModels.STORE_VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.FieldInfo;
import io.connector.api.unit.ChunkResult;
import io.connector.magento.exporter.SaleOrderStateExporter;
import io.connector.magento.v17.MagentoFixture;
import io.connector.magento.v17.RecordedJobs;
import io.connector.magento.v17.RecordedMagento.ApiCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each export the reference's tests recorded, from a local change through the listener that
 * delays the job to the call Magento got: the recorded shop answers only the calls recorded, with
 * exactly their arguments ({@code test_product_export_qty}, {@code test_product_export_qty_config},
 * {@code test_export_invoice}, {@code test_export_picking_complete}, {@code _partial},
 * {@code test_export_tracking_number}, {@code test_sale_order_cancel_export}); then what the
 * reference gets wrong or leaves out: fault 102, a refused carrier, echoes, states.
 */
class ExportTest {

    private static final String REGISTERED = "100000201";
    private static final String GUEST = "145000008";

    private MagentoFixture shop;

    @BeforeEach
    void startShop() {
        shop = MagentoFixture.start();
        shop.importRecord(STORE_VIEW, "1");
    }

    @AfterEach
    void closeShop() {
        shop.close();
    }

    private void paymentRule(String method) {
        shop.inTransaction(s -> s.create("sale.payment.method", Map.of("name", method, "import_rule", "always")));
    }

    private Map<String, Object> importOrder(String incrementId, String method) {
        paymentRule(method);
        shop.importRecord(SALE_ORDER, incrementId);
        shop.jobs().clear();
        return shop.binding(SALE_ORDER, incrementId).orElseThrow();
    }

    private List<ApiCall> exportCalls() {
        return shop.magento().received().stream().filter(call -> !call.method().endsWith(".info") || call.method().equals("sales_order.info"))
                .filter(call -> !call.method().startsWith("ol_") && !call.method().startsWith("catalog")
                        && !call.method().startsWith("customer") && !call.method().startsWith("product_media"))
                .toList();
    }

    private void write(String model, long id, Map<String, Object> values) {
        shop.inTransaction(s -> {
            s.write(model, id, values);
            return null;
        });
    }

    private long create(String model, Map<String, Object> values) {
        return shop.inTransaction(s -> s.create(model, values));
    }

    private long lineOf(Map<String, Object> orderBinding, String itemId) {
        return (Long) shop.binding(SALE_ORDER_LINE, itemId).orElseThrow().get("record_id");
    }

    // ------------------------------------------------------------------ stock

    @Test
    void aQuantityWrittenExportsTheQuantityAloneAsRecorded() {
        shop.importRecord(PRODUCT, "879");
        long binding = (Long) shop.binding(PRODUCT, "879").orElseThrow().get("id");
        shop.magento().clearReceived();

        write(PRODUCT, binding, Map.of("magento_qty", 30));

        assertThat(shop.jobs().delayed("export_record")).singleElement().satisfies(job -> {
            assertThat(job.args()).containsEntry("model", PRODUCT).containsEntry("binding_id", binding)
                    .containsEntry("fields", List.of("magento_qty"));
            assertThat(job.priority()).isEqualTo(20);
        });
        assertThat(shop.runExports()).singleElement().asString().startsWith("Updated 879 from magento.product.product");
        assertThat(exportCalls()).containsExactly(new ApiCall("oerp_cataloginventory_stock_item.update",
                List.of(879, Map.of("is_in_stock", 1, "qty", 30.0))));
    }

    @Test
    void quantityManageStockAndBackordersExportTogetherAsRecorded() {
        shop.importRecord(PRODUCT, "879");
        long binding = (Long) shop.binding(PRODUCT, "879").orElseThrow().get("id");
        shop.magento().clearReceived();

        write(PRODUCT, binding, Map.of("magento_qty", 333, "manage_stock", "yes", "backorders", "yes-and-notification"));

        assertThat(shop.jobs().delayed("export_record")).singleElement().satisfies(job ->
                assertThat(job.args()).containsEntry("fields", List.of("backorders", "magento_qty", "manage_stock")));
        shop.runExports();
        assertThat(exportCalls()).containsExactly(new ApiCall("oerp_cataloginventory_stock_item.update",
                List.of(879, Map.of("use_config_manage_stock", 0, "backorders", 2, "is_in_stock", 1, "use_config_backorders", 0,
                        "manage_stock", 1, "qty", 333.0))));
    }

    @Test
    void writesInARowAreOneExportOfTheLastQuantityAndAnImportOrAnUnsyncedProductExportsNothing() {
        shop.importRecord(PRODUCT, "879");
        long binding = (Long) shop.binding(PRODUCT, "879").orElseThrow().get("id");
        shop.jobs().clear();

        write(PRODUCT, binding, Map.of("magento_qty", 12));
        write(PRODUCT, binding, Map.of("magento_qty", 30));
        assertThat(shop.jobs().delayed("export_record")).as("one pending export of the binding's quantity").hasSize(1);

        shop.magento().clearReceived();
        shop.runExports();
        assertThat(exportCalls()).extracting(ApiCall::args).containsExactly(List.of(879, Map.of("is_in_stock", 1, "qty", 30.0)));

        // An import writes with no export; so does the product's name, which is Magento's.
        shop.forceImport(PRODUCT, "879");
        write(PRODUCT, binding, Map.of("name", "Renamed here"));
        write(PRODUCT, binding, Map.of("no_stock_sync", true));
        write(PRODUCT, binding, Map.of("magento_qty", 5));
        assertThat(shop.jobs().delayed("export_record")).isEmpty();
        assertThat(shop.export(PRODUCT, binding, List.of("magento_qty"))).contains("no_stock_sync");
    }

    @Test
    void stocksWrittenInOneTransactionAreOneChunkJobOfOneMultiCallAndAFaultyOneIsExportedAlone() {
        shop.importRecord(PRODUCT, "879");
        importOrder(GUEST, "cashondelivery");
        importOrder(REGISTERED, "checkmo");
        long b879 = (Long) shop.binding(PRODUCT, "879").orElseThrow().get("id");
        long b338 = (Long) shop.binding(PRODUCT, "338").orElseThrow().get("id");
        long b512 = (Long) shop.binding(PRODUCT, "512").orElseThrow().get("id");
        shop.magento().answer("oerp_cataloginventory_stock_item.update", List.of(338, Map.of("is_in_stock", 1, "qty", 30.0)), true);
        shop.jobs().clear();

        shop.inTransaction(s -> {
            s.write(PRODUCT, List.of(b879, b338, b512), Map.of("magento_qty", 30));
            return null;
        });

        assertThat(shop.jobs().delayed()).singleElement().satisfies(job -> {
            assertThat(job.function()).isEqualTo("export_chunk");
            assertThat(job.args()).containsEntry("binding_ids", List.of(b879, b338, b512)).containsEntry("fields", List.of("magento_qty"));
            assertThat(job.priority()).isEqualTo(20);
        });
        shop.magento().clearReceived();
        int requests = shop.magento().requests().size();
        ChunkResult result = shop.exportChunk(PRODUCT, List.of(b879, b338, b512), List.of("magento_qty"));

        assertThat(shop.magento().requests().subList(requests, shop.magento().requests().size())).as("one round trip")
                .singleElement().satisfies(request -> assertThat(request.calls()).isEqualTo(3));
        assertThat(result.imported()).containsOnlyKeys(Long.toString(b879), Long.toString(b338));
        assertThat(result.failed()).containsOnlyKeys(Long.toString(b512));
        assertThat(result.failed().get(Long.toString(b512))).hasMessageContaining("oerp_cataloginventory_stock_item.update")
                .hasMessageContaining("[512, ");
        assertThat(shop.record(PRODUCT, b879).get("sync_date")).isNotNull();
    }

    // ------------------------------------------------------------------ invoices

    private long invoice(Map<String, Object> orderBinding, String state, long productLineId) {
        long record = (Long) orderBinding.get("record_id");
        Map<String, Object> line = shop.record("sale.order.line", productLineId);
        long invoice = create("account.invoice", Map.of("name", "INV/" + orderBinding.get("external_id"), "order_id", record));
        create("account.invoice.line", Map.of("invoice_id", invoice, "product_id", line.get("product_id"), "quantity", 1));
        write("account.invoice", invoice, Map.of("state", state));
        return invoice;
    }

    @Test
    void anInvoicePaidIsBoundAndCreatedInMagentoAsRecorded() {
        Map<String, Object> order = importOrder(GUEST, "cashondelivery");
        long invoice = invoice(order, "open", lineOf(order, "598"));
        assertThat(shop.records(INVOICE, "record_id", invoice)).as("the store exports invoices once paid").isEmpty();
        shop.magento().clearReceived();

        write("account.invoice", invoice, Map.of("state", "paid"));

        assertThat(shop.records(INVOICE, "record_id", invoice)).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("magento_order_id", order.get("id")));
        assertThat(shop.runExports()).singleElement().asString().startsWith("Created Magento invoice 987654321 of order 145000008");
        assertThat(exportCalls()).containsExactly(new ApiCall("sales_order_invoice.create",
                List.of(GUEST, Map.of("598", 1.0), "Invoice Created", true, false)));
        assertThat(shop.records(INVOICE, "record_id", invoice)).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("external_id", "987654321"));

        // Paid again, or exported again: nothing more.
        write("account.invoice", invoice, Map.of("state", "paid"));
        assertThat(shop.jobs().delayed("export_record")).isEmpty();
        long binding = (Long) shop.records(INVOICE, "record_id", invoice).get(0).get("id");
        assertThat(shop.export(INVOICE, binding, List.of())).startsWith("Already exported");
    }

    @Test
    void aPaymentMethodThatInvoicesWhenOpenExportsAnOpenInvoice() {
        Map<String, Object> order = importOrder(GUEST, "cashondelivery");
        shop.inTransaction(s -> {
            s.write("sale.payment.method", s.query("sale.payment.method").where("name", "=", "cashondelivery").first().orElseThrow(),
                    Map.of("create_invoice_on", "open"));
            return null;
        });
        long invoice = invoice(order, "open", lineOf(order, "598"));
        assertThat(shop.records(INVOICE, "record_id", invoice)).hasSize(1);
        long draft = create("account.invoice", Map.of("name", "INV/draft", "order_id", order.get("record_id")));
        assertThat(shop.records(INVOICE, "record_id", draft)).isEmpty();
    }

    @Test
    void anInvoicePaidBeforeItsLinesAreWrittenWaitsForThem() {
        Map<String, Object> order = importOrder(GUEST, "cashondelivery");
        long invoice = create("account.invoice", Map.of("name", "INV/early", "order_id", order.get("record_id"), "state", "paid"));
        long binding = (Long) shop.records(INVOICE, "record_id", invoice).get(0).get("id");
        assertThatThrownBy(() -> shop.export(INVOICE, binding, List.of())).isInstanceOf(RetryableJobException.class)
                .hasMessageContaining("the invoice has no lines yet");
        long line = lineOf(order, "598");
        create("account.invoice.line", Map.of("invoice_id", invoice, "product_id", shop.record("sale.order.line", line).get("product_id"),
                "quantity", 1));
        assertThat(shop.export(INVOICE, binding, List.of())).startsWith("Created Magento invoice 987654321");
    }

    @Test
    void fault102ForAnInvoiceBindsTheInvoiceMagentoHasAndNamesTheProblemWhenThereIsNone() {
        Map<String, Object> order = importOrder(GUEST, "cashondelivery");
        List<Object> args = List.of(GUEST, Map.of("598", 1.0), "Invoice Created", true, false);
        shop.magento().fault("sales_order_invoice.create", args, 102, "Cannot do invoice for order.");
        shop.magento().answer("sales_order_invoice.list", List.of(Map.of("order_id", Map.of("eq", 197))),
                List.of(Map.of("increment_id", "145000002", "order_id", "197")));
        long invoice = invoice(order, "paid", lineOf(order, "598"));

        assertThat(shop.runExports()).singleElement().asString().startsWith("Bound magento.account.invoice")
                .contains("to Magento invoice 145000002");

        long second = invoice(order, "paid", lineOf(order, "598"));
        long binding = (Long) shop.records(INVOICE, "record_id", second).get(0).get("id");
        assertThatThrownBy(() -> shop.export(INVOICE, binding, List.of())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("fault 102").hasMessageContaining("no invoice in Magento that is not bound already");
        assertThat(invoice).isNotEqualTo(second);
    }

    // ------------------------------------------------------------------ shipments and tracking

    private long picking(Map<String, Object> orderBinding, String delivery, Map<Long, Integer> lines, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("name", "OUT/" + orderBinding.get("external_id"), "order_id",
                orderBinding.get("record_id"), "delivery", delivery));
        values.putAll(extra);
        long picking = create("stock.picking", values);
        lines.forEach((line, qty) -> create("stock.picking.line", Map.of("picking_id", picking, "order_line_id", line, "quantity", qty)));
        return picking;
    }

    @Test
    void aCompleteDeliveryDoneShipsTheWholeOrderAsRecorded() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        long picking = picking(order, "complete", Map.of(), Map.of());
        assertThat(shop.records(SHIPMENT, "record_id", picking)).as("not done yet").isEmpty();
        shop.magento().clearReceived();

        write("stock.picking", picking, Map.of("state", "done"));

        assertThat(shop.runExports()).singleElement().asString().startsWith("Created Magento shipment 987654321 of order 100000201")
                .endsWith("(complete)");
        assertThat(exportCalls()).containsExactly(new ApiCall("sales_order_shipment.create",
                List.of(REGISTERED, Map.of(), "Shipping Created", true, true)));
        assertThat(shop.records(SHIPMENT, "record_id", picking)).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("external_id", "987654321"));
    }

    @Test
    void aPartialDeliveryShipsItsLinesAsRecorded() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        long picking = picking(order, "partial", Map.of(lineOf(order, "543"), 1), Map.of("state", "done"));
        shop.magento().clearReceived();

        shop.runExports();

        assertThat(exportCalls()).containsExactly(new ApiCall("sales_order_shipment.create",
                List.of(REGISTERED, Map.of("543", 1.0), "Shipping Created", true, true)));

        // Lines written after their delivery: its export waits for them.
        long empty = picking(order, "partial", Map.of(), Map.of());
        write("stock.picking", empty, Map.of("state", "done"));
        long binding = (Long) shop.records(SHIPMENT, "record_id", empty).get(0).get("id");
        assertThatThrownBy(() -> shop.export(SHIPMENT, binding, List.of())).isInstanceOfSatisfying(RetryableJobException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60))).hasMessageContaining("has no lines yet");
        // Lines of another order only: nothing to ship.
        Map<String, Object> guest = importOrder(GUEST, "cashondelivery");
        create("stock.picking.line", Map.of("picking_id", empty, "order_line_id", lineOf(guest, "598"), "quantity", 1));
        assertThatThrownBy(() -> shop.export(SHIPMENT, binding, List.of())).isInstanceOf(NothingToDoException.class)
                .hasMessageContaining("has no line of Magento order 100000201");
        assertThat(picking).isNotEqualTo(empty);
    }

    @Test
    void aTrackingNumberIsSentToItsShipmentWithTheCarriersCodeAsRecorded() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        long ups = (Long) shop.records("delivery.carrier", "code", "ups_GND").get(0).get("id");
        long picking = picking(order, "complete", Map.of(), Map.of("carrier_id", ups));
        // Bound already, as the recording's shipment 100000035.
        long binding = create(SHIPMENT, Map.of("backend_id", MagentoFixture.SHOP_ID, "record_id", picking,
                "magento_order_id", order.get("id"), "external_id", "100000035"));
        write("stock.picking", picking, Map.of("state", "done"));
        shop.jobs().clear();
        shop.magento().clearReceived();

        write("stock.picking", picking, Map.of("carrier_tracking_ref", "XYZ"));

        assertThat(shop.jobs().delayed("export_record")).singleElement().satisfies(job -> {
            assertThat(job.args()).containsEntry("fields", List.of("carrier_tracking_ref")).containsEntry("binding_id", binding);
            assertThat(job.priority()).isEqualTo(20);
        });
        assertThat(shop.runExports()).singleElement().asString()
                .isEqualTo("Sent tracking number XYZ (ups) of magento.stock.picking " + binding + " (backend shop) to Magento "
                        + "shipment 100000035: track 2");
        assertThat(exportCalls()).containsExactly(
                new ApiCall("sales_order_shipment.getCarriers", List.of(REGISTERED)),
                new ApiCall("sales_order_shipment.addTrack", List.of("100000035", "ups", "", "XYZ")));
        assertThat(shop.record(SHIPMENT, binding)).containsEntry("magento_track_id", "2").containsEntry("exported_tracking_ref", "XYZ");
        assertThat(shop.export(SHIPMENT, binding, List.of("carrier_tracking_ref"))).contains("was sent already");
    }

    @Test
    void aTrackingNumberGoesWithItsCodeAsItIsWhenTheApiNamesNoCarriers() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        long dhl = create("delivery.carrier", Map.of("code", "dhlnew_express", "name", "DHL new"));
        long picking = picking(order, "complete", Map.of(), Map.of("carrier_id", dhl));
        long binding = create(SHIPMENT, Map.of("backend_id", MagentoFixture.SHOP_ID, "record_id", picking,
                "magento_order_id", order.get("id"), "external_id", "100000035"));
        write("stock.picking", picking, Map.of("state", "done", "carrier_tracking_ref", "XYZ"));
        // What an adapter answers when its API cannot list an order's carriers (Magento 2's).
        shop.magento().answer("sales_order_shipment.getCarriers", List.of(REGISTERED), Map.of());
        shop.magento().answer("sales_order_shipment.addTrack", List.of("100000035", "dhlnew", "", "XYZ"), 7);
        shop.magento().clearReceived();

        assertThat(shop.export(SHIPMENT, binding, List.of("carrier_tracking_ref"))).contains("Sent tracking number XYZ (dhlnew)");
        assertThat(exportCalls()).containsExactly(
                new ApiCall("sales_order_shipment.getCarriers", List.of(REGISTERED)),
                new ApiCall("sales_order_shipment.addTrack", List.of("100000035", "dhlnew", "", "XYZ")));
        assertThat(shop.record(SHIPMENT, binding)).containsEntry("magento_track_id", "7");
    }

    @Test
    void aShipmentDoneWithItsTrackingNumberShipsThenTracksInAJobOfItsOwnAndACarrierMagentoRefusesFailsIt() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        long fedex = create("delivery.carrier", Map.of("code", "dhlnew_express", "name", "DHL new"));
        long picking = picking(order, "complete", Map.of(), Map.of("carrier_id", fedex, "carrier_tracking_ref", "XYZ"));
        write("stock.picking", picking, Map.of("state", "done"));
        List<RecordedJobs.Delayed> first = shop.jobs().delayed("export_record");
        assertThat(first).singleElement().satisfies(job -> assertThat(job.args()).containsEntry("fields", List.of()));
        long binding = ((Number) first.get(0).args().get("binding_id")).longValue();

        assertThat(shop.export(SHIPMENT, binding, List.of())).endsWith("its tracking number follows");
        assertThat(shop.jobs().delayed("export_record")).last().satisfies(job ->
                assertThat(job.args()).containsEntry("fields", List.of("carrier_tracking_ref")));
        assertThatThrownBy(() -> shop.export(SHIPMENT, binding, List.of("carrier_tracking_ref")))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("Magento offers no carrier 'dhlnew' for order 100000201")
                .hasMessageContaining("[custom, dhl, fedex, ups, usps, dhlint]").hasMessageContaining("magento_export_tracking=false");
        assertThat(shop.record(SHIPMENT, binding)).as("the shipment stays bound").containsEntry("external_id", "987654321");
    }

    @Test
    void fault102ForAShipmentBindsTheShipmentMagentoHas() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        shop.magento().fault("sales_order_shipment.create", List.of(REGISTERED, Map.of(), "Shipping Created", true, true), 102,
                "Cannot do shipment for order.");
        shop.magento().answer("sales_order_shipment.list", List.of(Map.of("order_id", Map.of("eq", 181))),
                List.of(Map.of("increment_id", "100000035", "order_id", "181")));
        long picking = picking(order, "complete", Map.of(), Map.of("state", "done"));

        assertThat(shop.runExports()).singleElement().asString().contains("to Magento shipment 100000035");
        assertThat(shop.records(SHIPMENT, "record_id", picking)).singleElement()
                .satisfies(b -> assertThat(b).containsEntry("external_id", "100000035"));
    }

    // ------------------------------------------------------------------ order state

    @Test
    void cancellingAnOrderExportsCanceledAfterReadingMagentosStatusAsRecorded() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        shop.magento().clearReceived();

        write("sale.order", (Long) order.get("record_id"), Map.of("state", "cancel"));

        assertThat(shop.jobs().delayed("export_record")).singleElement().satisfies(job ->
                assertThat(job.args()).containsEntry("model", SALE_ORDER).containsEntry("fields", List.of("state")));
        assertThat(shop.runExports()).singleElement().asString().isEqualTo("Magento order 100000201 is now canceled (was pending)");
        assertThat(exportCalls()).containsExactly(new ApiCall("sales_order.info", List.of(REGISTERED)),
                new ApiCall("sales_order.addComment", List.of(REGISTERED, "canceled")));
    }

    @Test
    void reopeningExportsPendingWhichMagentoHasSoNothingIsSentAndEveryStateHasAStatus() {
        Map<String, Object> order = importOrder(REGISTERED, "checkmo");
        shop.magento().clearReceived();

        write("sale.order", (Long) order.get("record_id"), Map.of("state", "draft"));

        assertThat(shop.runExports()).singleElement().asString().isEqualTo("Magento order 100000201 is already pending");
        assertThat(exportCalls()).containsExactly(new ApiCall("sales_order.info", List.of(REGISTERED)));

        FieldInfo state = shop.store().model("sale.order").orElseThrow().fields().get("state");
        assertThat(SaleOrderStateExporter.STATUS.keySet()).as("no state left unmapped").containsExactlyInAnyOrderElementsOf(
                state.selection());
    }

    @Test
    void anImportedOrderExportsNothing() {
        importOrder(REGISTERED, "checkmo");
        shop.forceImport(SALE_ORDER, REGISTERED);
        assertThat(shop.jobs().delayed("export_record")).isEmpty();
        assertThat(new ArrayList<>(shop.jobs().delayed())).noneMatch(job -> job.function().startsWith("export"));
    }
}
