package io.connector.itests.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connector.api.job.JobAdmin;
import io.connector.api.job.JobView;
import io.connector.api.store.RecordStore;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Exports through the operator's shell, in a running Karaf, to the simulator, read back over its
 * HTTP inspection endpoints: the recorded export scenarios make the recorded calls with the
 * recorded arguments; then a day's work on an order (invoice, half shipped with a tracking number,
 * the rest shipped), another order cancelled and a quantity changed twice leave the shop with
 * exactly that; a binding held by another job retries, a Magento fault fails the job with its
 * reason and the job is retried once the data is right.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MagentoExportIT extends MagentoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CREATED = Pattern.compile("Created (\\S+) (\\d+)");

    @Inject
    protected JobAdmin jobAdmin;

    @Inject
    protected RecordStore store;

    @Configuration
    public Option[] config() {
        return karafWithSimulator().toArray(new Option[0]);
    }

    @Before
    public void shopWithOrdersAndProducts() throws Exception {
        if (backends.find("shop").isEmpty()) {
            execute("connector:backend-add --location " + simulator() + " --username " + SimulatorLauncher.USER + " --password "
                    + SimulatorLauncher.API_KEY + " --option export.delay=1 shop magento/1.7");
            await(() -> backends.find("shop").isPresent());
            execute("connector:import --sync shop metadata");
            create("sale.payment.method name=checkmo import_rule=always");
            create("sale.payment.method name=cashondelivery import_rule=always");
            for (String product : List.of("879", "337")) {
                execute("connector:import-record shop magento.product.product " + product);
            }
            for (String order : List.of("100000201", "145000008", "100000301")) {
                execute("connector:import-record shop magento.sale.order " + order);
            }
            execute("connector:jobs --wait --backend shop");
        }
    }

    // ------------------------------------------------------------------ helpers

    private long create(String modelAndValues) throws Exception {
        String said = execute("connector:record-create " + modelAndValues);
        Matcher created = CREATED.matcher(said);
        assertThat(created.find()).as(said).isTrue();
        return Long.parseLong(created.group(2));
    }

    private Map<String, Object> one(String command) throws Exception {
        List<Map<String, Object>> rows = json(command);
        assertThat(rows).as(command).hasSize(1);
        return rows.get(0);
    }

    private Object id(String command) throws Exception {
        return one(command).get("id");
    }

    /** The simulator's address, without the API's path. */
    private static String simulatorBase() {
        URI api = URI.create(simulator());
        return api.getScheme() + "://" + api.getAuthority();
    }

    private static <T> T get(String path, TypeReference<T> type) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulatorBase() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), type);
    }

    /** The calls the simulator got, of one method, as [args...]. */
    private static List<List<Object>> calls(String method) throws Exception {
        List<Map<String, Object>> calls = get("/calls?method=" + method, new TypeReference<List<Map<String, Object>>>() { });
        return calls.stream().map(call -> {
            @SuppressWarnings("unchecked")
            List<Object> args = (List<Object>) call.get("args");
            return args;
        }).toList();
    }

    private static void clearCalls() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulatorBase() + "/calls/clear"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A table of the simulator's store: each row's record. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(String table) throws Exception {
        return get("/records/" + table, new TypeReference<List<Map<String, Object>>>() { }).stream()
                .map(row -> (Map<String, Object>) row.get("record")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(String table, String id) throws Exception {
        return (Map<String, Object>) get("/records/" + table + "/" + id, new TypeReference<Map<String, Object>>() { }).get("record");
    }

    private String waitForJobs() throws Exception {
        return execute("connector:jobs --wait --timeout 120 --backend shop");
    }

    private Object orderRecord(String incrementId) throws Exception {
        return one("connector:bindings --json --external-id " + incrementId + " shop magento.sale.order").get("record_id");
    }

    private Object lineOf(String itemId) throws Exception {
        return one("connector:bindings --json --external-id " + itemId + " shop magento.sale.order.line").get("record_id");
    }

    private Object productBinding(String productId) throws Exception {
        return one("connector:bindings --json --external-id " + productId + " shop magento.product.product").get("id");
    }

    // ------------------------------------------------------------------ the recorded scenarios

    @Test
    public void eachRecordedExportMakesTheRecordedCallsWithTheRecordedArguments() throws Exception {
        clearCalls();
        Object product = productBinding("879");
        // test_product_export_qty
        execute("connector:record-write magento.product.product " + product + " magento_qty=30");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("oerp_cataloginventory_stock_item.update")).containsExactly(
                List.of(879, Map.of("is_in_stock", 1, "qty", 30.0)));
        // test_product_export_qty_config
        execute("connector:record-write magento.product.product " + product
                + " magento_qty=333 manage_stock=yes backorders=yes-and-notification");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("oerp_cataloginventory_stock_item.update")).last().isEqualTo(List.of(879, Map.of(
                "use_config_manage_stock", 0, "backorders", 2, "is_in_stock", 1, "use_config_backorders", 0, "manage_stock", 1,
                "qty", 333.0)));

        // test_export_invoice: the guest's order, its one line invoiced and paid.
        Object guestOrder = orderRecord("145000008");
        long invoice = create("account.invoice name=INV/145000008 order_id=" + guestOrder);
        Object sunglasses = one("connector:records --json --where id=" + lineOf("598") + " sale.order.line").get("product_id");
        create("account.invoice.line invoice_id=" + invoice + " product_id=" + sunglasses + " quantity=1");
        execute("connector:record-write account.invoice " + invoice + " state=paid");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("sales_order_invoice.create")).containsExactly(
                List.of("145000008", Map.of("598", 1.0), "Invoice Created", true, false));

        // test_export_picking_partial, then test_export_picking_complete (what is left), on the registered customer's order.
        Object order = orderRecord("100000201");
        long partial = create("stock.picking name=OUT/1 delivery=partial order_id=" + order);
        create("stock.picking.line picking_id=" + partial + " order_line_id=" + lineOf("543") + " quantity=1");
        execute("connector:record-write stock.picking " + partial + " state=done");
        assertThat(waitForJobs()).contains("failed: 0");
        long complete = create("stock.picking name=OUT/2 delivery=complete order_id=" + order);
        execute("connector:record-write stock.picking " + complete + " state=done");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("sales_order_shipment.create")).containsExactly(
                List.of("100000201", Map.of("543", 1.0), "Shipping Created", true, true),
                List.of("100000201", Map.of(), "Shipping Created", true, true));

        // test_export_tracking_number: to the shipment this shop numbered (the recording's was 100000035).
        Object ups = id("connector:records --json --where code=ups_GND delivery.carrier");
        execute("connector:record-write stock.picking " + complete + " carrier_id=" + ups + " carrier_tracking_ref=XYZ");
        assertThat(waitForJobs()).contains("failed: 0");
        String shipment = one("connector:records --json --where record_id=" + complete + " magento.stock.picking")
                .get("external_id").toString();
        assertThat(calls("sales_order_shipment.getCarriers")).containsExactly(List.of("100000201"));
        assertThat(calls("sales_order_shipment.addTrack")).containsExactly(List.of(shipment, "ups", "", "XYZ"));

        // test_sale_order_cancel_export
        execute("connector:record-write sale.order " + order + " state=cancel");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("sales_order.info")).last().isEqualTo(List.of("100000201"));
        assertThat(calls("sales_order.addComment")).containsExactly(List.of("100000201", "canceled"));
    }

    // ------------------------------------------------------------------ a day's work, end to end

    @Test
    public void aDaysWorkLeavesTheShopWithExactlyItsInvoiceShipmentsTrackingStateAndOneStockUpdate() throws Exception {
        // The copy of the registered customer's order that no other test touches (SimulatorLauncher).
        String incrementId = "100000301";
        Object order = orderRecord(incrementId);
        assertThat(pendingJobs()).isEmpty();
        clearCalls();

        // Invoice it whole, paid.
        long invoice = create("account.invoice name=INV/day order_id=" + order);
        for (String item : List.of("3543", "3545")) {
            create("account.invoice.line invoice_id=" + invoice + " order_line_id=" + lineOf(item) + " quantity=1");
        }
        execute("connector:record-write account.invoice " + invoice + " state=paid");
        // Ship half of it, with a tracking number, then the rest.
        Object ups = id("connector:records --json --where code=ups_GND delivery.carrier");
        long half = create("stock.picking name=OUT/day1 delivery=partial carrier_id=" + ups + " carrier_tracking_ref=1Z999 order_id="
                + order);
        create("stock.picking.line picking_id=" + half + " order_line_id=" + lineOf("3545") + " quantity=1");
        execute("connector:record-write stock.picking " + half + " state=done");
        assertThat(waitForJobs()).contains("failed: 0");
        long rest = create("stock.picking name=OUT/day2 delivery=complete order_id=" + order);
        execute("connector:record-write stock.picking " + rest + " state=done");
        // Cancel the other order; change a quantity twice, quickly.
        execute("connector:record-write sale.order " + orderRecord("145000008") + " state=cancel");
        Object product = productBinding("337");
        execute("connector:record-write magento.product.product " + product + " magento_qty=7");
        execute("connector:record-write magento.product.product " + product + " magento_qty=9");
        assertThat(waitForJobs()).contains("failed: 0");

        assertThat(calls("sales_order_invoice.create")).hasSize(1);
        assertThat(records("invoices?owner=" + incrementId)).hasSize(1);
        assertThat(records("shipments?owner=" + incrementId)).hasSize(2);
        assertThat(calls("sales_order_shipment.create")).hasSize(2);
        assertThat(calls("sales_order_shipment.addTrack")).singleElement().satisfies(args ->
                assertThat(args.subList(1, 4)).containsExactly("ups", "", "1Z999"));
        assertThat(records("tracks")).filteredOn(t -> "1Z999".equals(t.get("number"))).hasSize(1);
        assertThat(record("orders", "145000008")).containsEntry("status", "canceled");
        assertThat(calls("oerp_cataloginventory_stock_item.update")).as("one update, with the last quantity")
                .containsExactly(List.of(337, Map.of("is_in_stock", 1, "qty", 9.0)));
        assertThat(record("stock_items", "337")).containsEntry("qty", 9.0);

        for (String model : List.of("magento.account.invoice", "magento.stock.picking", "magento.sale.order",
                "magento.product.product", "magento.sale.order.line")) {
            assertThat(json("connector:bindings --json shop " + model)).as(model + " bindings have their Magento id")
                    .isNotEmpty().allSatisfy(binding -> assertThat(binding.get("external_id")).isNotNull());
        }
        // No import echoes as an export.
        clearCalls();
        execute("connector:import-record --force shop magento.sale.order 145000008");
        execute("connector:import-record --force shop magento.product.product 337");
        assertThat(pendingJobs()).isEmpty();
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("oerp_cataloginventory_stock_item.update")).isEmpty();
        assertThat(calls("sales_order.addComment")).isEmpty();
    }

    @Test
    public void stocksWrittenTogetherAreOneChunkJobAndOneRoundTrip() throws Exception {
        Object first = productBinding("879");
        Object second = productBinding("337");
        clearCalls();
        long multiCalls = multiCalls();
        assertThat(execute("connector:record-write magento.product.product " + first + "," + second + " magento_qty=55"))
                .contains("Wrote magento.product.product 2 records");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(jobAdmin.list("done", null, backends.get("shop").id(), 10)).filteredOn(job -> job.function().equals("export_chunk"))
                .anySatisfy(job -> assertThat(job.args()).contains("\"binding_ids\":[" + first + "," + second + "]"));
        assertThat(calls("oerp_cataloginventory_stock_item.update")).containsExactlyInAnyOrder(
                List.of(879, Map.of("is_in_stock", 1, "qty", 55.0)), List.of(337, Map.of("is_in_stock", 1, "qty", 55.0)));
        assertThat(multiCalls() - multiCalls).as("one round trip").isEqualTo(1);
    }

    /** How many multiCall requests the simulator answered ({@code GET /stats}). */
    private static long multiCalls() throws Exception {
        Map<String, Object> stats = get("/stats", new TypeReference<Map<String, Object>>() { });
        Object count = ((Map<?, ?>) stats.get("methods")).get("multiCall");
        return count == null ? 0 : ((Number) count).longValue();
    }

    // ------------------------------------------------------------------ locks and faults

    @Test
    public void aBindingHeldByAnotherJobRetriesWithoutCountingTheTry() throws Exception {
        Object product = productBinding("879");
        String key = "export magento.product.product " + backends.get("shop").id() + " " + product;
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> store.inTransaction(s -> {
            assertThat(s.tryLock(key)).isTrue();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            execute("connector:record-write magento.product.product " + product + " magento_qty=41");
            JobView job = awaitJob(j -> j.function().equals("export_record") && j.args().contains("\"binding_id\":" + product)
                    && j.history().stream().anyMatch(e -> e.note() != null && e.note().contains("another job")));
            assertThat(job.state()).isEqualTo("pending");
            assertThat(job.retry()).as("a held binding is not a try").isZero();
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(record("stock_items", "879")).containsEntry("qty", 41.0);
    }

    @Test
    public void aMagentoFaultFailsTheJobWithItsReasonAndTheJobIsRetriedOnceTheDataIsRight() throws Exception {
        // The sunglasses of the guest's order, imported with it; their binding names a product the shop does not have.
        Object product = productBinding("338");
        execute("connector:record-write magento.product.product " + product + " external_id=990338");
        execute("connector:record-write magento.product.product " + product + " magento_qty=3");
        String report = waitForJobs();
        assertThat(report).contains("failed: 1").contains("magento.product.product " + product + " (backend shop), remote id 990338")
                .contains("fault 101");
        JobView failed = jobAdmin.list("failed", null, backends.get("shop").id(), 5).get(0);
        assertThat(failed.function()).isEqualTo("export_record");
        assertThat(failed.errorMessage()).contains("oerp_cataloginventory_stock_item.update");
        assertThat(failed.args()).contains("\"fields\":[\"magento_qty\"]");

        execute("connector:record-write magento.product.product " + product + " external_id=338");
        assertThat(execute("connector:job-retry " + failed.uuid())).contains("put back to pending");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(jobAdmin.get(failed.uuid()).state()).isEqualTo("done");
        assertThat(record("stock_items", "338")).containsEntry("qty", 3.0);

        // One record exported from the shell, now and as a job.
        assertThat(execute("connector:export --fields magento_qty shop magento.product.product " + product))
                .startsWith("Updated 338 from magento.product.product " + product);
        assertThat(execute("connector:export --delay shop product.product "
                + one("connector:bindings --json --external-id 338 shop magento.product.product").get("record_id"))).startsWith("Job ");
        assertThat(waitForJobs()).contains("failed: 0");
        assertThat(calls("oerp_cataloginventory_stock_item.update")).last().isEqualTo(List.of(338, Map.of(
                "use_config_manage_stock", 1, "backorders", 0, "is_in_stock", 1, "use_config_backorders", 1, "manage_stock", 0,
                "qty", 3.0)));
    }

    private List<JobView> pendingJobs() {
        return jobAdmin.list("pending", null, backends.get("shop").id(), 50);
    }

    private JobView awaitJob(java.util.function.Predicate<JobView> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (JobView listed : jobAdmin.list(null, null, backends.get("shop").id(), 20)) {
                JobView job = jobAdmin.get(listed.uuid());
                if (matching.test(job)) {
                    return job;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No such job within 30 s");
    }
}
