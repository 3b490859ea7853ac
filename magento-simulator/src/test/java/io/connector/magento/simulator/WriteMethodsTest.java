package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exports the connector makes: stock, invoices, shipments, tracking numbers, order status. */
class WriteMethodsTest {

    private MagentoSimulator magento;
    private XmlRpcClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        magento = MagentoSimulator.builder().seedFromCassettes(CassetteReplayTest.cassettes()).start();
        client = new XmlRpcClient(magento.endpoint());
        session = client.login();
    }

    @AfterEach
    void stop() {
        magento.stop();
    }

    @Test
    void stockUpdatesAreKeptByProduct() throws Exception {
        assertThat(client.call(session, "oerp_cataloginventory_stock_item.update", 879, Map.of("qty", 30.0, "is_in_stock", 1))).isEqualTo(true);
        assertThat(magento.store().stockItems().get("879").orElseThrow()).containsEntry("qty", 30.0).containsEntry("is_in_stock", 1);
        assertThat(client.fault(session, "oerp_cataloginventory_stock_item.update", 4242, Map.of("qty", 1.0)).code()).isEqualTo(101);
    }

    @Test
    void anInvoiceCountsTheQuantitiesAndASecondOneHasNothingLeft() throws Exception {
        Object id = client.call(session, "sales_order_invoice.create", "100000201", Map.of(), "Invoice Created", true, false);
        assertThat(id).isEqualTo("100000001");
        Map<String, Object> order = struct(client.call(session, "sales_order.info", "100000201"));
        assertThat(order).containsEntry("state", "processing");
        assertThat((List<?>) order.get("items")).allSatisfy(item -> assertThat(struct(item).get("qty_invoiced")).isEqualTo(struct(item).get("qty_ordered")));
        assertThat(client.fault(session, "sales_order_invoice.create", "100000201", Map.of(), "again", false, false).code()).isEqualTo(102);
        assertThat(client.call(session, "sales_order_invoice.list", Map.of("order_increment_id", Map.of("eq", "100000201"))))
                .asList().hasSize(1);
        // The invoice API's own fault for an unknown order: 103, not sales_order's 100.
        assertThat(client.fault(session, "sales_order_invoice.create", "999", Map.of()).code()).isEqualTo(103);
        assertThat(client.fault(session, "sales_order_shipment.create", "999", Map.of()).code()).isEqualTo(103);
        assertThat(client.fault(session, "sales_order_shipment.getCarriers", "999").code()).isEqualTo(103);
    }

    @Test
    void aPartialShipmentThenTheRestThenATrackingNumber() throws Exception {
        String first = (String) client.call(session, "sales_order_shipment.create", "100000201", Map.of("543", 1.0), "Shipping Created", true, true);
        Map<String, Object> order = struct(client.call(session, "sales_order.info", "100000201"));
        Map<String, Object> line = struct(((List<?>) order.get("items")).get(0));
        assertThat(line).containsEntry("qty_shipped", "1.0000");
        String second = (String) client.call(session, "sales_order_shipment.create", "100000201", Map.of(), "Shipping Created", true, true);
        assertThat(second).isNotEqualTo(first);
        assertThat(client.fault(session, "sales_order_shipment.create", "100000201", Map.of()).code()).isEqualTo(102);

        assertThat(client.call(session, "sales_order_shipment.getCarriers", "100000201")).asInstanceOf(
                InstanceOfAssertFactories.MAP).containsKeys("ups", "fedex", "dhl");
        Object track = client.call(session, "sales_order_shipment.addTrack", first, "ups", "", "XYZ");
        assertThat(magento.store().tracks().get((String) track).orElseThrow()).containsEntry("number", "XYZ");
        assertThat(magento.store().tracks().ownerOf((String) track)).contains(first);
        assertThat(client.fault(session, "sales_order_shipment.addTrack", "100000035", "ups", "", "XYZ").code()).isEqualTo(100);
    }

    @Test
    void aCommentChangesTheStatusAndJoinsTheHistory() throws Exception {
        assertThat(client.call(session, "sales_order.addComment", "100000201", "canceled")).isEqualTo(true);
        Map<String, Object> order = magento.store().orders().get("100000201").orElseThrow();
        assertThat(order).containsEntry("status", "canceled");
        assertThat(struct(((List<?>) order.get("status_history")).get(0))).containsEntry("status", "canceled");
        assertThat(magento.calls("sales_order.addComment")).singleElement().satisfies(c -> assertThat(c.args()).containsExactly("100000201", "canceled"));
        assertThat(client.fault(session, "sales_order.addComment", "1", "canceled").code()).isEqualTo(100);
    }

    @Test
    void aCustomerUpdateChangesItsFieldsAndItsChangeDate() throws Exception {
        Map<String, Object> before = struct(client.call(session, "customer.info", 136));
        assertThat(client.call(session, "customer.update", 136, Map.of("firstname", "Janet", "customer_id", "7"))).isEqualTo(true);
        Map<String, Object> after = struct(client.call(session, "customer.info", 136));
        assertThat(after).containsEntry("firstname", "Janet").containsEntry("customer_id", "136")
                .containsEntry("lastname", before.get("lastname")).containsEntry("created_at", before.get("created_at"));
        assertThat((String) after.get("updated_at")).isGreaterThan((String) before.get("updated_at"));
        assertThat(client.fault(session, "customer.update", 4242, Map.of("firstname", "x")).code()).isEqualTo(102);
    }
}
