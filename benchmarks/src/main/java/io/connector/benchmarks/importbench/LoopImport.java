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

import io.connector.magento.v17.client.MagentoClient;

/**
 * Method (b) of {@code scripts/bench-import}: a hand-written loop that makes exactly the HTTP calls
 * of the chunked import and writes the same rows with plain JDBC in the same transactions, with the
 * import's thread count and no framework (no job queue, store, units or mappers).
 * <p>
 * One API session for the run (login once), as the import's client shares one per backend. Per
 * chunk of customer ids: one {@code multiCall} of {@code customer.info}, one of
 * {@code customer_address.list}, then one of the chunk's {@code customer_address.info}; per chunk of
 * product ids one multiCall of {@code ol_catalog_product.info}. The import's client splits a
 * multiCall of more than {@code MagentoClient.DEFAULT_MULTICALL_MAX} calls (100); this is the
 * same client, so it splits them the same way.
 * Then the chunk in one transaction ({@link LoopRows}); a record whose lock another thread's chunk
 * held is read again and written on its own once every chunk is done, as the import gives it a job
 * of its own. The ids come from {@code ol_customer.search} per website
 * and {@code catalog_product.list}, as the import's batch step finds them.
 *
 * <pre>
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.LoopImport URL USER KEY THREADS CHUNK \
 *     JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...
 * </pre>
 * The database must be empty; the models files are those the distribution loads, in its order.
 */
public final class LoopImport {

    private static final String BACKEND_ID = "bench-loop";

    private final MagentoClient magento;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int threads;
    private final int chunk;
    private final LoopRows rows = new LoopRows(BACKEND_ID);
    private final AtomicLong commits = new AtomicLong();
    private final List<Leftover> leftovers = new java.util.concurrent.CopyOnWriteArrayList<>();
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
            List<Object> addresses = addressCalls.isEmpty() ? List.of() : multiCall("customer_address.info", addressCalls);
            List<LoopRows.Customer> customers = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                customers.add(new LoopRows.Customer(part.get(i), struct(infos.get(i)), new ArrayList<>()));
            }
            for (int a = 0; a < addresses.size(); a++) {
                customers.get(owners.get(a)).addresses().add(struct(addresses.get(a)));
            }
            return writeAll(customers, LoopRows.Customer::id, (c, records) -> rows.customers(c, records), this::customerAlone);
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
            return writeAll(products, p -> String.valueOf(p.get("product_id")), (c, records) -> rows.products(c, records),
                    this::productAlone);
        });
        measure.end("products", "loop", ids.size(), totals[1], totals[2], commits.get());
    }

    /** A customer a chunk could not lock, as the import's job of its own reads and writes it: apart, with plain calls. */
    private long[] customerAlone(String id) throws SQLException {
        Map<String, Object> info = struct(magento.call("customer.info", List.of(Integer.valueOf(id))));
        List<List<Object>> addressCalls = new ArrayList<>();
        for (Object address : (List<?>) magento.call("customer_address.list", List.of(Map.of("customer_id", Map.of("eq", id))))) {
            addressCalls.add(List.of(Integer.valueOf(String.valueOf(((Map<?, ?>) address).get("customer_address_id")))));
        }
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (!addressCalls.isEmpty()) {
            multiCall("customer_address.info", addressCalls).forEach(a -> addresses.add(struct(a)));
        }
        return writeAll(List.of(new LoopRows.Customer(id, info, addresses)), LoopRows.Customer::id,
                (c, records) -> rows.customers(c, records), this::customerAlone);
    }

    private long[] productAlone(String id) throws SQLException {
        Map<String, Object> product = struct(magento.call("ol_catalog_product.info", Arrays.asList(Integer.valueOf(id), null, null, "id")));
        return writeAll(List.of(product), p -> String.valueOf(p.get("product_id")), (c, records) -> rows.products(c, records),
                this::productAlone);
    }

    @FunctionalInterface
    private interface Alone {
        long[] run(String id) throws SQLException;
    }

    @FunctionalInterface
    private interface ChunkWork {
        long[] run(List<String> ids) throws Exception;
    }

    private static void add(long[] totals, long[] done) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += done[i];
        }
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
                add(totals, part.get());
            }
            // Nothing holds a lock now: the held and the failed records, each on its own, on the same
            // threads, as the import's jobs of their own run.
            while (!leftovers.isEmpty()) {
                List<Leftover> round = new ArrayList<>(leftovers);
                leftovers.removeAll(round);
                List<Future<long[]>> alone = new ArrayList<>();
                for (Leftover leftover : round) {
                    alone.add(pool.submit(leftover::get));
                }
                for (Future<long[]> done : alone) {
                    add(totals, done.get());
                }
            }
        } finally {
            pool.shutdown();
        }
        return totals;
    }

    /**
     * The chunk's transaction. A record whose lock another thread's chunk held (two keys of the
     * 65,536 lock rows meet now and then) is left, as the import leaves it to a job of its own, to be
     * read again and written alone once every chunk is done; so is a record it refused (the import
     * gives a failed record a job of its own, which reads it again and fails again).
     */
    private <T> long[] writeAll(List<T> records, java.util.function.Function<T, String> id, Write<T> write, Alone alone)
            throws SQLException {
        LoopRows.Written written = write.run(connection(), records);
        commits.incrementAndGet();
        for (String held : written.locked()) {
            leftovers.add(() -> alone.run(held));
        }
        if (records.size() > 1) {
            for (String failed : written.refused()) {
                // Counted once, in its chunk: the second read fails the same way.
                leftovers.add(() -> {
                    long[] again = alone.run(failed);
                    return new long[] {again[0], again[1], 0};
                });
            }
        }
        return new long[] {written.records(), written.rows(), written.skipped()};
    }

    /** Work left for after the chunks: a held record's own read and transaction. */
    @FunctionalInterface
    private interface Leftover {
        long[] get() throws SQLException;
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
