package io.connector.benchmarks.importbench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.connector.magento.v17.client.MagentoClient;

/**
 * Method (a) of {@code scripts/bench-import}: the Magento traffic of the reference connector
 * (OCA magentoerpconnect), replayed by a plain client with the import's thread count, nothing
 * stored. The reference opens an API session for every call ({@code with API(...) as api:
 * api.call(...)}: login, call, endSession) and imports one record per job:
 * <ul>
 * <li>customers: {@code ol_customer.search} per website, then per customer {@code customer.info},
 * {@code customer_address.list} and {@code customer_address.info} for each of its addresses;</li>
 * <li>products (categories are imported before): {@code catalog_product.list}, then per product
 * {@code ol_catalog_product.info} and, for a product it keeps, {@code product_media.list} (the
 * reference then downloads each image over HTTP; the simulator serves no images, so that is left
 * out and the figure flatters the reference);</li>
 * <li>orders (customers and products imported before): {@code sales_order.search} per store view,
 * then per order {@code sales_order.info} and, for a registered customer's, {@code customer.info}
 * (the reference runs the customer's import for every order; it stops there when the customer is
 * up to date), and {@code sales_order.get_parent} up an edited order's chain;</li>
 * <li>stock (products imported before): per product one export job,
 * {@code oerp_cataloginventory_stock_item.update} of its quantity ({@code scripts/bench-exports}).</li>
 * </ul>
 *
 * <pre>java -cp benchmarks.jar io.connector.benchmarks.importbench.ReferenceImport URL USER KEY THREADS customers|products|orders|stock</pre>
 */
public final class ReferenceImport {

    private static final List<String> KEPT_TYPES = List.of("simple", "virtual", "downloadable");

    private final String url;
    private final String user;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ReferenceImport(String url, String user, String key) {
        this.url = url;
        this.user = user;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !List.of("customers", "products", "orders", "stock").contains(args[4])) {
            System.err.println("Usage: ReferenceImport URL USER KEY THREADS customers|products|orders|stock");
            System.exit(2);
        }
        int threads = Args.positive("THREADS", args[3]);
        ReferenceImport reference = new ReferenceImport(args[0], args[1], args[2]);
        Measure measure = new Measure(Measure.baseUrl(args[0]));
        if (args[4].equals("customers")) {
            reference.customers(measure, threads);
        } else if (args[4].equals("orders")) {
            reference.orders(measure, threads);
        } else if (args[4].equals("stock")) {
            reference.stock(measure, threads);
        } else {
            reference.products(measure, threads);
        }
    }

    /** One API call as the reference makes it: a session of its own. */
    private Object call(String method, List<?> args) {
        try (MagentoClient client = new MagentoClient("reference", url, user, key, http, Duration.ofSeconds(60))) {
            return client.call(method, args);
        }
    }

    private void customers(Measure measure, int threads) throws Exception {
        // The reference reads its websites from its own database (imported with the metadata).
        List<?> websites = (List<?>) call("ol_websites.search", List.of(Map.of()));
        measure.start();
        List<String> ids = new ArrayList<>();
        for (Object website : websites) {
            for (Object id : (List<?>) call("ol_customer.search",
                    List.of(Map.of("website_id", Map.of("in", List.of(String.valueOf(website))))))) {
                ids.add(String.valueOf(id));
            }
        }
        AtomicLong addresses = new AtomicLong();
        run(threads, ids, id -> {
            call("customer.info", List.of(Integer.valueOf(id)));
            for (Object address : (List<?>) call("customer_address.list", List.of(Map.of("customer_id", Map.of("eq", id))))) {
                call("customer_address.info", List.of(Integer.valueOf(String.valueOf(((Map<?, ?>) address).get("customer_address_id")))));
                addresses.incrementAndGet();
            }
        });
        measure.end("customers", "reference", ids.size(), ids.size() + addresses.get(), 0, -1);
    }

    private void products(Measure measure, int threads) throws Exception {
        measure.start();
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        AtomicLong kept = new AtomicLong();
        run(threads, ids, id -> {
            Map<?, ?> product = (Map<?, ?>) call("ol_catalog_product.info", Arrays.asList(Integer.valueOf(id), null, null, "id"));
            if (KEPT_TYPES.contains(String.valueOf(product.get("type_id")))) {
                call("product_media.list", Arrays.asList(Integer.valueOf(id), null, "id"));
                kept.incrementAndGet();
            }
        });
        measure.end("products", "reference", ids.size(), kept.get(), ids.size() - kept.get(), -1);
    }

    private void orders(Measure measure, int threads) throws Exception {
        // The reference reads its store views from its own database (imported with the metadata).
        List<?> views = (List<?>) call("ol_storeviews.search", List.of(Map.of()));
        measure.start();
        List<String> ids = new ArrayList<>();
        for (Object view : views) {
            Map<String, Object> filters = Map.of("state", Map.of("neq", "canceled"),
                    "store_id", Map.of("in", List.of(String.valueOf(view))));
            for (Object id : (List<?>) call("sales_order.search", List.of(Map.of("imported", false, "filters", filters)))) {
                ids.add(String.valueOf(id));
            }
        }
        run(threads, ids, id -> {
            Map<?, ?> order = (Map<?, ?>) call("sales_order.info", List.of(id.matches("\\d+") ? (Object) Integer.valueOf(id) : id));
            Object customer = order.get("customer_id");
            if (customer != null && !"1".equals(String.valueOf(order.get("customer_is_guest")))) {
                call("customer.info", List.of(Integer.valueOf(String.valueOf(customer))));
            }
            Object parent = order.get("relation_parent_real_id");
            while (parent != null && !Boolean.FALSE.equals(parent)) {
                parent = call("sales_order.get_parent", List.of(String.valueOf(parent)));
            }
        });
        measure.end("orders", "reference", ids.size(), ids.size(), 0, -1);
    }

    private void stock(Measure measure, int threads) throws Exception {
        // The reference knows its products' Magento ids from its bindings (imported before).
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        measure.start();
        run(threads, ids, id -> call("oerp_cataloginventory_stock_item.update",
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
