package io.connector.magento.simulator;

import static io.connector.magento.simulator.XmlRpcClient.list;
import static io.connector.magento.simulator.XmlRpcClient.struct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Magento methods a test reads the shop back with: stock items, invoices and shipments as Magento 1.9 answers them. */
class ReadBackMethodsTest {

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

    @SuppressWarnings("unchecked")
    private List<Object> stock(Object... products) throws Exception {
        return (List<Object>) client.call(session, "cataloginventory_stock_item.list", list(products));
    }

    @Test
    void theStockListAnswersTheDefaultUntilAnUpdateThenWhatItWrote() throws Exception {
        assertThat(stock(879, "ace000", 4242, "879")).containsExactly(
                Map.of("product_id", "337", "sku", "ace000", "qty", "0.0000", "is_in_stock", "0"),
                Map.of("product_id", "879", "sku", "wbk000c-Pink-L", "qty", "0.0000", "is_in_stock", "0"));

        client.call(session, "oerp_cataloginventory_stock_item.update", 879, Map.of("is_in_stock", 1, "qty", 30.0));
        assertThat(stock(879)).containsExactly(Map.of("product_id", "879", "sku", "wbk000c-Pink-L", "qty", "30.0000", "is_in_stock", "1"));
        assertThat(struct(stock(879).get(0)).keySet()).containsExactly("product_id", "sku", "qty", "is_in_stock");

        client.call(session, "oerp_cataloginventory_stock_item.update", 879, Map.of("qty", 333.0, "backorders", 2, "manage_stock", 1));
        assertThat(struct(stock("wbk000c-Pink-L").get(0))).containsEntry("qty", "333.0000").containsEntry("is_in_stock", "1");
        client.call(session, "cataloginventory_stock_item.update", "ace000", Map.of("qty", "12.5", "is_in_stock", false));
        assertThat(struct(stock(337).get(0))).containsEntry("qty", "12.5000").containsEntry("is_in_stock", "0");

        // One product as a plain argument, as PHP wraps it; an unknown one is left out.
        assertThat((List<?>) client.call(session, "cataloginventory_stock_item.list", 879)).hasSize(1);
        assertThat(stock(4242)).isEmpty();
    }

    @Test
    void aProductRecordWithStockFieldsGivesTheStockNothingWrote() throws Exception {
        magento.store().products().update("338", p -> {
            p.put("qty", "7.0000");
            p.put("is_in_stock", "1");
        });
        assertThat(struct(stock(338).get(0))).containsEntry("qty", "7.0000").containsEntry("is_in_stock", "1");
    }

    @Test
    void anInvoiceAnswersItsTotalsItemsAndComments() throws Exception {
        String id = (String) client.call(session, "sales_order_invoice.create", "145000008", Map.of("598", 1.0), "Invoice Created", true, false);
        Map<String, Object> invoice = struct(client.call(session, "sales_order_invoice.info", id));
        assertThat(invoice).containsEntry("increment_id", id).containsEntry("order_increment_id", "145000008").containsEntry("order_id", "197")
                .containsEntry("subtotal", "225.0000").containsEntry("tax_amount", "18.5600").containsEntry("shipping_amount", "0.0000")
                .containsEntry("grand_total", "243.5600").containsEntry("base_grand_total", "243.5600").containsEntry("total_qty", "1.0000")
                .containsEntry("state", "2").containsEntry("email_sent", "1").containsEntry("order_currency_code", "EUR")
                .containsEntry("invoice_id", "1");
        assertThat(invoice.keySet()).endsWith("order_increment_id", "items", "comments");
        Map<String, Object> line = struct(((List<?>) invoice.get("items")).get(0));
        assertThat(line).containsEntry("order_item_id", "598").containsEntry("qty", "1.0000").containsEntry("price", "225.0000")
                .containsEntry("row_total", "225.0000").containsEntry("tax_amount", "18.5600").containsEntry("row_total_incl_tax", "243.5600")
                .containsEntry("sku", "ace001").containsEntry("product_id", "338").containsEntry("parent_id", "1").containsKey("item_id");
        assertThat((List<?>) invoice.get("comments")).singleElement().satisfies(c -> assertThat(struct(c))
                .containsEntry("comment", "Invoice Created").containsEntry("is_customer_notified", "1").containsEntry("parent_id", "1")
                .containsKey("comment_id"));

        List<?> listed = (List<?>) client.call(session, "sales_order_invoice.list", Map.of("invoice_id", Map.of("eq", "1")));
        assertThat(listed).singleElement().satisfies(i -> assertThat(struct(i)).containsEntry("increment_id", id)
                .containsEntry("order_increment_id", "145000008").doesNotContainKeys("items", "comments"));
        assertThat(client.fault(session, "sales_order_invoice.info", "999").code()).isEqualTo(100);
    }

    @Test
    void aShipmentAnswersItsItemsTracksAndComments() throws Exception {
        String id = (String) client.call(session, "sales_order_shipment.create", "100000201", Map.of(), "Shipping Created", true, true);
        String first = (String) client.call(session, "sales_order_shipment.addTrack", id, "ups", "", "XYZ");
        String second = (String) client.call(session, "sales_order_shipment.addTrack", id, "fedex", "Federal Express", "123", 2.5);
        assertThat(first).matches("\\d+");
        assertThat(Long.parseLong(second)).isEqualTo(Long.parseLong(first) + 1);

        Map<String, Object> shipment = struct(client.call(session, "sales_order_shipment.info", id));
        assertThat(shipment).containsEntry("increment_id", id).containsEntry("order_id", "181").containsEntry("total_qty", "3.0000")
                .containsEntry("shipment_id", "1").containsEntry("email_sent", "1").containsEntry("customer_id", "136")
                .doesNotContainKey("order_increment_id");
        assertThat(shipment.keySet()).endsWith("items", "tracks", "comments");
        assertThat((List<?>) shipment.get("items")).extracting(i -> struct(i).get("order_item_id"), i -> struct(i).get("qty"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("543", "2.0000"), org.assertj.core.groups.Tuple.tuple("544", "2.0000"),
                        org.assertj.core.groups.Tuple.tuple("545", "1.0000"), org.assertj.core.groups.Tuple.tuple("546", "1.0000"));
        List<?> tracks = (List<?>) shipment.get("tracks");
        assertThat(tracks).hasSize(2);
        assertThat(struct(tracks.get(0))).containsEntry("track_id", first).containsEntry("number", "XYZ").containsEntry("track_number", "XYZ")
                .containsEntry("title", "").containsEntry("carrier_code", "ups").containsEntry("parent_id", "1").containsEntry("order_id", "181")
                .containsEntry("weight", null);
        assertThat(struct(tracks.get(1))).containsEntry("carrier_code", "fedex").containsEntry("weight", "2.5000");
        assertThat((List<?>) shipment.get("comments")).singleElement().satisfies(c -> assertThat(struct(c))
                .containsEntry("comment", "Shipping Created").containsEntry("is_customer_notified", "1"));

        List<?> listed = (List<?>) client.call(session, "sales_order_shipment.list", Map.of("order_increment_id", Map.of("eq", "100000201")));
        assertThat(listed).singleElement().satisfies(s -> assertThat(struct(s)).containsEntry("increment_id", id)
                .doesNotContainKeys("items", "tracks", "comments"));
        assertThat(client.fault(session, "sales_order_shipment.addTrack", id, "nocarrier", "", "1").code()).isEqualTo(102);
        assertThat(client.fault(session, "sales_order_shipment.info", "999").code()).isEqualTo(100);
    }

    @Test
    void aShipmentWithoutCommentOrEmailHasNone() throws Exception {
        String id = (String) client.call(session, "sales_order_shipment.create", "100000201");
        Map<String, Object> shipment = struct(client.call(session, "sales_order_shipment.info", id));
        assertThat((List<?>) shipment.get("comments")).isEmpty();
        assertThat((List<?>) shipment.get("tracks")).isEmpty();
        assertThat(shipment).containsEntry("email_sent", null);
    }
}
