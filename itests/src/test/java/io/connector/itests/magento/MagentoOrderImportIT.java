package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The recorded orders ({@code import_sale_order_100000201}, a registered customer's, and
 * {@code import_sale_order_145000008}, a guest's) imported through the operator's shell from the
 * simulator: their payment methods are new, so they wait, with a checkpoint each, until the
 * operator sets the rules with {@code connector:record-write} and runs the postponed jobs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MagentoOrderImportIT extends MagentoTestSupport {

    @Configuration
    public Option[] config() {
        return karafWithSimulator().toArray(new Option[0]);
    }

    @Before
    public void shopWithMetadata() throws Exception {
        if (backends.find("shop").isEmpty()) {
            addShop("shop", "magento/1.7");
            execute("connector:import --sync shop metadata");
        }
    }

    private Map<String, Object> one(String command) throws Exception {
        List<Map<String, Object>> rows = json(command);
        assertThat(rows).as(command).hasSize(1);
        return rows.get(0);
    }

    private List<String> lines(Object orderId) throws Exception {
        List<Map<String, Object>> lines = json("connector:records --json --where order_id=" + orderId + " sale.order.line");
        lines.sort(Comparator.comparing(line -> ((Number) line.get("sequence")).intValue()));
        return lines.stream().map(line -> line.get("kind") + " " + line.get("name") + " x" + line.get("quantity") + " @"
                + line.get("price_unit") + " = " + line.get("price_subtotal") + " +tax " + line.get("price_tax")).toList();
    }

    @Test
    public void recordedOrdersWaitForTheRulesOfTheirNewPaymentMethodsThenImportWithTheirLinesPartnersAndBindings()
            throws Exception {
        String first = execute("connector:import --wait shop sale-orders");
        assertThat(first).contains("failed: 0").contains("postponed: 2");
        List<Map<String, Object>> methods = json("connector:records --json sale.payment.method");
        assertThat(methods).extracting(m -> m.get("name") + " " + m.get("import_rule"))
                .containsExactlyInAnyOrder("checkmo never", "cashondelivery never");
        assertThat(execute("connector:checkpoints --backend shop")).contains("Payment method 'checkmo' was first seen on order 100000201")
                .contains("Payment method 'cashondelivery' was first seen on order 145000008");
        assertThat(json("connector:records --json sale.order")).isEmpty();

        for (Map<String, Object> method : methods) {
            assertThat(execute("connector:record-write sale.payment.method " + method.get("id") + " import_rule=always"))
                    .contains("Wrote sale.payment.method " + method.get("id") + ": import_rule");
        }
        // Setting a rule answered the checkpoint that asked for it.
        assertThat(execute("connector:checkpoints --backend shop --state need-review")).doesNotContain("Payment method");
        assertThat(execute("connector:checkpoints --backend shop --state reviewed")).contains("import_rule set to always");
        assertThat(execute("connector:job-retry --postponed --backend shop")).contains("2 postponed jobs due now");
        String second = execute("connector:jobs --wait --backend shop");
        assertThat(second).contains("failed: 0").doesNotContain("postponed");

        Map<String, Object> registered = one("connector:records --json --where name=100000201 sale.order");
        Map<String, Object> janeBinding = one("connector:bindings --json --external-id 136 shop magento.res.partner");
        assertThat(registered).containsEntry("partner_id", janeBinding.get("record_id")).containsEntry("currency_code", "USD")
                .containsEntry("state", "draft");
        assertThat(registered.get("amount_total")).hasToString("387.27");
        assertThat(registered.get("amount_tax")).hasToString("30.96");
        assertThat(lines(registered.get("id"))).containsExactly(
                "product Tori Tank x2 @60 = 120 +tax 10.8",
                "product Racer Back Maxi Dress x1 @224 = 224 +tax 20.16",
                "shipping United Parcel Service - Ground x1 @12.31 = 12.31 +tax 0");
        Map<String, Object> invoice = one("connector:records --json --where id=" + registered.get("partner_invoice_id") + " res.partner");
        assertThat(invoice).containsEntry("parent_id", janeBinding.get("record_id")).containsEntry("type", "invoice")
                .containsEntry("street", "10441 Jefferson Blvd, Suite 200").containsEntry("active", false);
        Map<String, Object> binding = one("connector:bindings --json --external-id 100000201 shop magento.sale.order");
        assertThat(binding).containsEntry("record_id", registered.get("id"));
        assertThat(one("connector:records --json --where id=" + binding.get("id") + " magento.sale.order"))
                .containsEntry("magento_order_id", 181);
        assertThat(json("connector:bindings --json shop magento.sale.order.line")).extracting(b -> b.get("external_id"))
                .contains("543", "545", "598");

        Map<String, Object> guestOrder = one("connector:records --json --where name=145000008 sale.order");
        Map<String, Object> guest = one("connector:bindings --json --external-id guestorder:145000008 shop magento.res.partner");
        assertThat(guestOrder).containsEntry("partner_id", guest.get("record_id"));
        assertThat(one("connector:records --json --where id=" + guest.get("record_id") + " res.partner"))
                .containsEntry("name", "Bill Boquey").containsEntry("email", "bill@example.com");
        assertThat(lines(guestOrder.get("id"))).containsExactly(
                "product Jackie O Round Sunglasses x1 @225 = 225 +tax 18.56",
                "shipping Free Shipping - Free x1 @0 = 0 +tax 0");

        // Each store view starts its next import where this one ended: nothing new is found.
        assertThat(one("connector:records --json --where external_id=1 magento.storeview").get("import_orders_from_date")).isNotNull();
        assertThat(execute("connector:import --wait shop sale-orders")).contains("failed: 0");
        assertThat(json("connector:records --json sale.order")).hasSize(2);
    }
}
