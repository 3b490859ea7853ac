package io.connector.benchmarks.importbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Method (a) of {@code scripts/bench-import}: the Magento traffic of the reference connector
 * (OCA magentoerpconnect / connector-magento), replayed by a plain client with the import's thread
 * count, nothing stored, one record per job, as the reference's job channel runs them. Its requests
 * are the protocol's ({@link ReferenceCalls}):
 * <ul>
 * <li>customers: over XML-RPC ({@link XmlRpcReferenceCalls}; a session per call: login, call,
 * endSession) {@code ol_customer.search} per website, then per customer {@code customer.info},
 * {@code customer_address.list} and {@code customer_address.info} for each of its addresses; over
 * REST ({@link RestReferenceCalls}; the token on each request) {@code GET customers/search} per
 * website, then per customer {@code GET customers/{id}} twice (the second for its addresses);</li>
 * <li>products (categories are imported before): over XML-RPC {@code catalog_product.list}, then
 * per product {@code ol_catalog_product.info} and, for a product it keeps,
 * {@code product_media.list}; over REST {@code GET products}, then per product
 * {@code GET products/{sku}} and, for a product it keeps, its translations
 * {@code GET /rest/default/V1/products/{sku}}. The reference then downloads each image over HTTP:
 * left out, so the figure flatters the reference;</li>
 * <li>orders, XML-RPC only (customers and products imported before): {@code sales_order.search} per store view,
 * then per order {@code sales_order.info} and, for a registered customer's, {@code customer.info}
 * (the reference runs the customer's import for every order; it stops there when the customer is
 * up to date), and {@code sales_order.get_parent} up an edited order's chain;</li>
 * <li>stock, XML-RPC only (products imported before): per product one export job,
 * {@code oerp_cataloginventory_stock_item.update} of its quantity ({@code scripts/bench-exports}).</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.ReferenceImport URL USER KEY THREADS customers|products|orders|stock
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.ReferenceImport --rest LOCATION TOKEN THREADS customers|products
 * </pre>
 */
public final class ReferenceImport {

    private final ReferenceCalls calls;

    private ReferenceImport(ReferenceCalls calls) {
        this.calls = calls;
    }

    public static void main(String[] args) throws Exception {
        // Over REST "--rest LOCATION TOKEN" take the places of "URL USER KEY".
        boolean rest = args.length > 0 && args[0].equals("--rest");
        List<String> phases = rest ? List.of("customers", "products") : List.of("customers", "products", "orders", "stock");
        if (args.length != 5 || !phases.contains(args[4])) {
            System.err.println("Usage: ReferenceImport URL USER KEY THREADS customers|products|orders|stock");
            System.err.println("       ReferenceImport --rest LOCATION TOKEN THREADS customers|products");
            System.exit(2);
        }
        int threads = Args.positive("THREADS", args[3]);
        XmlRpcReferenceCalls xmlrpc = rest ? null : new XmlRpcReferenceCalls(args[0], args[1], args[2]);
        ReferenceImport reference = new ReferenceImport(rest ? new RestReferenceCalls(args[1], args[2]) : xmlrpc);
        Measure measure = new Measure(Measure.baseUrl(rest ? args[1] : args[0]));
        switch (args[4]) {
            case "customers" -> reference.customers(measure, threads);
            case "products" -> reference.products(measure, threads);
            case "orders" -> orders(xmlrpc, measure, threads);
            default -> stock(xmlrpc, measure, threads);
        }
    }

    private void customers(Measure measure, int threads) throws Exception {
        List<String> websites = calls.websites();
        measure.start();
        List<String> ids = new ArrayList<>();
        for (String website : websites) {
            ids.addAll(calls.customerIds(website));
        }
        AtomicLong addresses = new AtomicLong();
        run(threads, ids, id -> addresses.addAndGet(calls.customer(id)));
        measure.end("customers", "reference", ids.size(), ids.size() + addresses.get(), 0, -1);
    }

    private void products(Measure measure, int threads) throws Exception {
        measure.start();
        List<String> ids = calls.productIds();
        AtomicLong kept = new AtomicLong();
        run(threads, ids, id -> {
            if (calls.product(id)) {
                kept.incrementAndGet();
            }
        });
        measure.end("products", "reference", ids.size(), kept.get(), ids.size() - kept.get(), -1);
    }

    private static void orders(XmlRpcReferenceCalls reference, Measure measure, int threads) throws Exception {
        // The reference reads its store views from its own database (imported with the metadata).
        List<?> views = (List<?>) reference.call("ol_storeviews.search", List.of(Map.of()));
        measure.start();
        List<String> ids = new ArrayList<>();
        for (Object view : views) {
            Map<String, Object> filters = Map.of("state", Map.of("neq", "canceled"),
                    "store_id", Map.of("in", List.of(String.valueOf(view))));
            for (Object id : (List<?>) reference.call("sales_order.search", List.of(Map.of("imported", false, "filters", filters)))) {
                ids.add(String.valueOf(id));
            }
        }
        run(threads, ids, id -> {
            Map<?, ?> order = (Map<?, ?>) reference.call("sales_order.info", List.of(id.matches("\\d+") ? (Object) Integer.valueOf(id) : id));
            Object customer = order.get("customer_id");
            if (customer != null && !"1".equals(String.valueOf(order.get("customer_is_guest")))) {
                reference.call("customer.info", List.of(Integer.valueOf(String.valueOf(customer))));
            }
            Object parent = order.get("relation_parent_real_id");
            while (parent != null && !Boolean.FALSE.equals(parent)) {
                parent = reference.call("sales_order.get_parent", List.of(String.valueOf(parent)));
            }
        });
        measure.end("orders", "reference", ids.size(), ids.size(), 0, -1);
    }

    private static void stock(XmlRpcReferenceCalls reference, Measure measure, int threads) throws Exception {
        // The reference knows its products' Magento ids from its bindings (imported before).
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) reference.call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        measure.start();
        run(threads, ids, id -> reference.call("oerp_cataloginventory_stock_item.update",
                List.of(Integer.valueOf(id), Map.of("qty", 17.0, "is_in_stock", 1))));
        measure.end("stock", "reference", ids.size(), ids.size(), 0, -1);
    }

    /** One job per record, {@code threads} at a time, as the reference's job channel runs them. */
    private static void run(int threads, List<String> ids, java.util.function.Consumer<String> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (String id : ids) {
                jobs.add(pool.submit(() -> job.accept(id)));
            }
            for (Future<?> done : jobs) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
