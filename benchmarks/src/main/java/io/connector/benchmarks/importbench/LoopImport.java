package io.connector.benchmarks.importbench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.connector.magento.client.MagentoClient;

/**
 * Method (b) of {@code scripts/bench-import}: a hand-written loop that makes exactly the HTTP calls
 * of the chunked import and writes the same rows with plain JDBC in the same transactions, with the
 * import's thread count and no framework (no job queue, store, units or mappers).
 * <p>
 * One API session for the run (login once), as the import's client shares one per backend. Per
 * chunk of customer ids: one {@code multiCall} of {@code customer.info}, one of
 * {@code customer_address.list}, then the chunk's {@code customer_address.info} in multiCalls of at
 * most {@value #MAX_CALLS}; per chunk of product ids one multiCall of {@code ol_catalog_product.info}.
 * Then the chunk in one transaction ({@link LoopRows}); a record whose lock another thread's chunk
 * holds is written in a later transaction. The ids come from {@code ol_customer.search} per website
 * and {@code catalog_product.list}, as the import's batch step finds them.
 *
 * <pre>
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.LoopImport URL USER KEY THREADS CHUNK \
 *     JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...
 * </pre>
 * The database must be empty; the models files are those the distribution loads, in its order.
 */
public final class LoopImport {

    static final int MAX_CALLS = 200;
    private static final String BACKEND_ID = "bench-loop";

    private final MagentoClient magento;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int threads;
    private final int chunk;
    private final LoopRows rows = new LoopRows(BACKEND_ID);
    private final AtomicLong commits = new AtomicLong();
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LoopImport(MagentoClient magento, String jdbcUrl, String jdbcUser, String jdbcPassword, int threads, int chunk) {
        this.magento = magento;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.threads = threads;
        this.chunk = chunk;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("Usage: LoopImport URL USER KEY THREADS CHUNK JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...");
            System.exit(2);
        }
        int threads = Args.positive("THREADS", args[3]);
        int chunk = Args.positive("CHUNK", args[4]);
        List<Path> models = Arrays.stream(args, 8, args.length).map(Path::of).toList();
        for (Path file : models) {
            if (!Files.isRegularFile(file)) {
                System.err.println("No models file " + file);
                System.exit(2);
            }
        }
        LoopSetup.schema(args[5], args[6], args[7], models);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (MagentoClient magento = new MagentoClient("loop", args[0], args[1], args[2], http, Duration.ofSeconds(60))) {
            LoopImport loop = new LoopImport(magento, args[5], args[6], args[7], threads, chunk);
            try {
                LoopSetup.rows(loop.connection(), magento, BACKEND_ID);
                Measure measure = new Measure(Measure.baseUrl(args[0]));
                loop.customers(measure);
                loop.products(measure);
                System.out.println("tables " + LoopSetup.counts(loop.connection()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            } finally {
                loop.close();
            }
        }
    }

    private void customers(Measure measure) throws Exception {
        commits.set(0);
        measure.start();
        List<String> ids = new ArrayList<>();
        for (String website : websites()) {
            for (Object id : (List<?>) magento.call("ol_customer.search", List.of(Map.of("website_id", Map.of("in", List.of(website)))))) {
                ids.add(String.valueOf(id));
            }
        }
        long[] totals = inChunks(ids, part -> {
            List<Object> infos = multiCall("customer.info", part.stream().map(id -> List.<Object>of(Integer.valueOf(id))).toList());
            List<Object> lists = multiCall("customer_address.list", part.stream()
                    .map(id -> List.<Object>of(Map.of("customer_id", Map.of("eq", id)))).toList());
            List<List<Object>> addressCalls = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                for (Object address : (List<?>) lists.get(i)) {
                    addressCalls.add(List.of(Integer.valueOf(String.valueOf(((Map<?, ?>) address).get("customer_address_id")))));
                    owners.add(i);
                }
            }
            List<Object> addresses = new ArrayList<>();
            for (int from = 0; from < addressCalls.size(); from += MAX_CALLS) {
                addresses.addAll(multiCall("customer_address.info", addressCalls.subList(from, Math.min(addressCalls.size(), from + MAX_CALLS))));
            }
            List<LoopRows.Customer> customers = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                customers.add(new LoopRows.Customer(part.get(i), struct(infos.get(i)), new ArrayList<>()));
            }
            for (int a = 0; a < addresses.size(); a++) {
                customers.get(owners.get(a)).addresses().add(struct(addresses.get(a)));
            }
            return writeAll(customers, LoopRows.Customer::id, (c, records) -> rows.customers(c, records));
        });
        measure.end("customers", "loop", totals[0], totals[1], totals[2], commits.get());
    }

    private void products(Measure measure) throws Exception {
        commits.set(0);
        measure.start();
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) magento.call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        long[] totals = inChunks(ids, part -> {
            List<Object> answers = multiCall("ol_catalog_product.info", part.stream()
                    .map(id -> Arrays.<Object>asList(Integer.valueOf(id), null, null, "id")).toList());
            List<Map<String, Object>> products = answers.stream().map(LoopImport::struct).toList();
            return writeAll(products, p -> String.valueOf(p.get("product_id")), (c, records) -> rows.products(c, records));
        });
        measure.end("products", "loop", ids.size(), totals[1], totals[2], commits.get());
    }

    @FunctionalInterface
    private interface ChunkWork {
        long[] run(List<String> ids) throws Exception;
    }

    @FunctionalInterface
    private interface Write<T> {
        LoopRows.Written run(Connection c, List<T> records) throws SQLException;
    }

    /** The chunks on {@code threads} threads; the sums of what each answered (records, rows, skipped). */
    private long[] inChunks(List<String> ids, ChunkWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] totals = new long[3];
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += chunk) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
                parts.add(pool.submit(() -> work.run(part)));
            }
            for (Future<long[]> part : parts) {
                long[] done = part.get();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += done[i];
                }
            }
        } finally {
            pool.shutdown();
        }
        return totals;
    }

    /** The chunk's transaction, then one more for the records whose lock another chunk held, until none is left. */
    private <T> long[] writeAll(List<T> records, java.util.function.Function<T, String> id, Write<T> write) throws SQLException {
        long[] totals = new long[3];
        List<T> left = records;
        while (!left.isEmpty()) {
            LoopRows.Written written = write.run(connection(), left);
            commits.incrementAndGet();
            totals[0] += written.records();
            totals[1] += written.rows();
            totals[2] += written.skipped();
            List<String> locked = written.locked();
            left = left.stream().filter(r -> locked.contains(id.apply(r))).toList();
            if (!left.isEmpty()) {
                Thread.onSpinWait();
            }
        }
        return totals;
    }

    private List<Object> multiCall(String method, List<List<Object>> args) {
        List<Object> answers = magento.multiCall(args.stream().map(a -> new MagentoClient.Call(method, a)).toList());
        for (Object answer : answers) {
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
        }
        return answers;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> struct(Object answer) {
        return (Map<String, Object>) answer;
    }

    /** The websites the metadata step stored, as the import's batch step reads them. */
    private List<String> websites() throws SQLException {
        List<String> websites = new ArrayList<>();
        Connection c = connection();
        try (PreparedStatement q = c.prepareStatement("SELECT \"external_id\" FROM \"magento_website\" WHERE \"backend_id\" = ? ORDER BY \"id\"")) {
            q.setString(1, BACKEND_ID);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    websites.add(rows.getString(1));
                }
            }
        }
        c.commit();
        return websites;
    }

    /** This thread's connection, kept for the run: what a pool hands out once it is warm. */
    private Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null) {
            c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
            c.setAutoCommit(false);
            connections.set(c);
            opened.add(c);
        }
        return c;
    }

    private void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at exit
            }
        }
    }
}
