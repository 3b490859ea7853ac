package io.connector.benchmarks.importbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;


/**
 * Method (b) of {@code scripts/bench-import}: a hand-written loop that makes exactly the HTTP calls
 * of the chunked import and writes the same rows with plain JDBC in the same transactions, with the
 * import's thread count and no framework (no job queue, store, units or mappers).
 * <p>
 * What it reads and how is the protocol's ({@link LoopShop}): over Magento 1's XML-RPC
 * ({@link XmlRpcLoopShop}) a chunk is three {@code multiCall}s in one API session; over Magento 2's
 * REST ({@link RestLoopShop}) one {@code GET} per record. Then the chunk in one transaction
 * ({@link LoopRows}), the same for both; a record whose lock another thread's chunk held is read
 * again and written on its own once every chunk is done, as the import gives it a job of its own.
 *
 * <pre>
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.LoopImport URL USER KEY THREADS CHUNK \
 *     JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...
 * java -cp benchmarks.jar io.connector.benchmarks.importbench.LoopImport --rest LOCATION TOKEN THREADS CHUNK \
 *     JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...
 * </pre>
 * URL is the XML-RPC endpoint; LOCATION the Magento 2 shop's base URL ({@code /index.php/rest/V1} is
 * appended), TOKEN its access token. The database must be empty; the models files are those the
 * distribution loads, in its order.
 */
public final class LoopImport {

    private static final String BACKEND_ID = "bench-loop";

    private final LoopShop shop;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final String jdbcPassword;
    private final int threads;
    private final int chunk;
    /**
     * BENCH_LOOP_WRITES=batched: the customers' rows written as no import of one record at a time
     * can, a ceiling to read the import against ({@link LoopRows#customersBatched}).
     */
    private final boolean batched = "batched".equals(System.getenv("BENCH_LOOP_WRITES"));
    private final LoopRows rows = new LoopRows(BACKEND_ID);
    private final AtomicLong commits = new AtomicLong();
    private final List<Leftover> leftovers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    private LoopImport(LoopShop shop, String jdbcUrl, String jdbcUser, String jdbcPassword, int threads, int chunk) {
        this.shop = shop;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.threads = threads;
        this.chunk = chunk;
    }

    public static void main(String[] args) throws Exception {
        // Over REST "--rest LOCATION TOKEN" take the places of "URL USER KEY": the arguments after are where they are.
        boolean rest = args.length > 0 && args[0].equals("--rest");
        if (args.length < 9) {
            System.err.println("Usage: LoopImport URL USER KEY THREADS CHUNK JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...");
            System.err.println("       LoopImport --rest LOCATION TOKEN THREADS CHUNK JDBC_URL JDBC_USER JDBC_PASSWORD MODELS_FILE...");
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
        String writes = System.getenv().getOrDefault("BENCH_LOOP_WRITES", "records");
        if (!writes.equals("records") && !(writes.equals("batched") && args[5].startsWith("jdbc:postgresql:"))) {
            System.err.println("BENCH_LOOP_WRITES is records, or batched on PostgreSQL only, not '" + writes + "' on " + args[5]);
            System.exit(2);
        }
        LoopSetup.schema(args[5], args[6], args[7], models);
        String shopUrl = rest ? args[1] : args[0];
        try (LoopShop shop = rest ? new RestLoopShop(args[1], args[2]) : new XmlRpcLoopShop(args[0], args[1], args[2])) {
            LoopImport loop = new LoopImport(shop, args[5], args[6], args[7], threads, chunk);
            try {
                LoopSetup.rows(loop.connection(), shop, BACKEND_ID);
                Measure measure = new Measure(Measure.baseUrl(shopUrl));
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
            ids.addAll(shop.customerIds(website));
        }
        long[] totals = inChunks(ids, part -> writeAll(shop.customers(part), LoopRows.Customer::id,
                (c, records) -> batched ? rows.customersBatched(c, records) : rows.customers(c, records), this::customerAlone));
        measure.end("customers", "loop", totals[0], totals[1], totals[2], commits.get());
    }

    private void products(Measure measure) throws Exception {
        commits.set(0);
        measure.start();
        List<String> ids = shop.productIds();
        long[] totals = inChunks(ids, part -> writeAll(shop.products(part), p -> String.valueOf(p.get("product_id")),
                (c, records) -> rows.products(c, records), this::productAlone));
        measure.end("products", "loop", ids.size(), totals[1], totals[2], commits.get());
    }

    /** A customer a chunk could not lock, as the import's job of its own reads and writes it: apart, with plain calls. */
    private long[] customerAlone(String id) throws SQLException {
        return writeAll(List.of(shop.customer(id)), LoopRows.Customer::id, (c, records) -> rows.customers(c, records),
                this::customerAlone);
    }

    private long[] productAlone(String id) throws SQLException {
        return writeAll(List.of(shop.product(id)), p -> String.valueOf(p.get("product_id")), (c, records) -> rows.products(c, records),
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
            // Nothing holds a lock now: the held records, each on its own, on the same threads, as the
            // import's jobs of their own run.
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
     * read again and written alone once every chunk is done. A record it refused is not read again:
     * the import writes that record's job failed, with the chunk's error, without running it.
     */
    private <T> long[] writeAll(List<T> records, java.util.function.Function<T, String> id, Write<T> write, Alone alone)
            throws SQLException {
        LoopRows.Written written = write.run(connection(), records);
        commits.incrementAndGet();
        for (String held : written.locked()) {
            leftovers.add(() -> alone.run(held));
        }
        return new long[] {written.records(), written.rows(), written.skipped()};
    }

    /** Work left for after the chunks: a held record's own read and transaction. */
    @FunctionalInterface
    private interface Leftover {
        long[] get() throws SQLException;
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
