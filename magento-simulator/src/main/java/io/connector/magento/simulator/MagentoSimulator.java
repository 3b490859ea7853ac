package io.connector.magento.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A Magento shop as the connector sees it: a real HTTP server speaking Magento 1's XML-RPC API
 * ({@code login}, {@code call}, {@code multiCall}, {@code endSession}) at
 * {@code url() + "/index.php/api/xmlrpc"} and Magento 2's REST API at
 * {@code url() + "/index.php/rest/V1/..."} ({@link RestEndpoint}, with its product images under
 * {@code /media}), both answering from one {@link DataStore} filled from the recorded traffic, a
 * data directory or a generator, with faults to switch on at run time.
 *
 * <pre>
 * try (MagentoSimulator magento = MagentoSimulator.builder()
 *         .user("odoo").apiKey("odoo42")
 *         .seedFromCassettes(Path.of("../../shared/magento/cassettes/1.9"))
 *         .generate(GeneratorSpec.parse("customers=100,products=50,categories=10"))
 *         .start()) {
 *     String location = magento.url();
 *     magento.store().customers().set("136", "updated_at", "2030-01-01 00:00:00");
 *     magento.faults().failNextWith503(2);
 *     ...
 *     assertThat(magento.calls()).extracting(RecordedCall::method).contains("customer.info");
 * }
 * </pre>
 *
 * <p>Beside the API, for a client in another JVM: {@code GET /calls} (the calls answered, with
 * their arguments, see {@link CallsEndpoint}), {@code GET /records/...} (the store's records,
 * see {@link RecordsEndpoint}) and {@code GET /stats} (the call counts, {@link StatsEndpoint}).
 */
public final class MagentoSimulator implements AutoCloseable {

    static {
        // The JDK's server sends the headers and the body of an answer in two writes; without
        // TCP_NODELAY the body waits for the client's delayed ACK, 40 ms per call on Linux. The
        // JDK reads this once, when its first server starts, and nothing else in a test JVM uses it.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The REST token unless the builder says otherwise: the one of the reference connector's Magento 2 tests. */
    public static final String DEFAULT_TOKEN = "m59qseoztake3xm1zcvkiv8qnuj09da0";

    private final DataStore store;
    private final FaultInjection faults;
    private final Sessions sessions;
    private final CallLog calls;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final Set<String> apiPaths;
    private final Set<String> restRoutes;
    private final String token;
    private final CallStats stats = new CallStats();

    private MagentoSimulator(Builder builder, DataStore store) throws IOException {
        this.store = store;
        this.faults = new FaultInjection();
        this.sessions = new Sessions(faults::sessionCallLimit);
        this.calls = new CallLog(builder.recordCalls);
        this.host = builder.host;
        ApiMethods methods = new ApiMethods();
        new StoreStructureResources(store).register(methods);
        new CustomerResources(store).register(methods);
        new CategoryResources(store).register(methods);
        new ProductResources(store, this::url).register(methods);
        new AttributeSetResources(store).register(methods);
        // One maker of invoices and shipments for both protocols, so that they number them alike.
        SalesDocuments documents = new SalesDocuments(store);
        new SalesResources(store, documents).register(methods);
        this.apiPaths = Set.copyOf(methods.paths());
        MagentoApi api = new MagentoApi(builder.user, builder.apiKey, sessions, methods, calls::record, stats);
        RestRoutes routes = new RestRoutes();
        new RestStoreResources(store).register(routes);
        new RestCustomerResources(store).register(routes);
        new RestCatalogResources(store).register(routes);
        new RestAttributeResources(store).register(routes);
        new RestSalesResources(store, documents).register(routes);
        this.restRoutes = routes.routes().stream().map(RestRoutes.Route::name).collect(Collectors.toCollection(TreeSet::new));
        this.token = builder.token;
        RestEndpoint rest = new RestEndpoint(store, routes, builder.token, faults, stats, calls::record);
        this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.createContext(XmlRpcEndpoint.PATH, new XmlRpcEndpoint(api, faults, stats));
        server.createContext(RestEndpoint.PATH, rest);
        server.createContext(RestEndpoint.SHORT_PATH, rest);
        server.createContext(MediaEndpoint.PATH, new MediaEndpoint(store, faults, stats, calls::record));
        server.createContext(StatsEndpoint.PATH, new StatsEndpoint(stats));
        server.createContext(CallsEndpoint.PATH, new CallsEndpoint(calls));
        server.createContext(RecordsEndpoint.PATH, new RecordsEndpoint(store));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "magento-simulator-" + count.incrementAndGet());
            // Test JVMs must be able to exit with a simulator nobody stopped.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The shop's base location, e.g. {@code http://127.0.0.1:41234}: what a backend's location setting holds. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    /** The XML-RPC endpoint: {@code url() + "/index.php/api/xmlrpc"}. */
    public String endpoint() {
        return url() + XmlRpcEndpoint.PATH;
    }

    /** Magento 2's REST API root: {@code url() + "/index.php/rest/V1"}; a store view's is {@code .../rest/{code}/V1}. */
    public String restUrl() {
        return url() + RestEndpoint.PATH + "/V1";
    }

    /** The token the REST API takes, as {@code Authorization: Bearer <token>}. */
    public String token() {
        return token;
    }

    /** The REST routes answered, e.g. "GET products/{sku}"; any other path is a 404. */
    public Set<String> restRoutes() {
        return restRoutes;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The {@code resource.method} paths {@code call} and {@code multiCall} answer; any other is fault 3. */
    public Set<String> apiPaths() {
        return apiPaths;
    }

    /** The shop's data: change it while the simulator runs. */
    public DataStore store() {
        return store;
    }

    /** The faults to inject: change them while the simulator runs. */
    public FaultInjection faults() {
        return faults;
    }

    /** The calls answered so far, oldest first; none when calls are not recorded ({@link #recordsCalls()}). */
    public List<RecordedCall> calls() {
        return calls.calls();
    }

    /** Whether {@link #calls()} and {@code GET /calls} keep the calls ({@link Builder#recordCalls}). */
    public boolean recordsCalls() {
        return calls.recording();
    }

    /** The calls of one method (e.g. "customer.info") answered so far. */
    public List<RecordedCall> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /**
     * How many HTTP requests, XML-RPC methods and API paths were answered since the start or the
     * last {@link #resetCallCounts()}; counted even when calls are not recorded.
     */
    public CallCounts callCounts() {
        return stats.snapshot();
    }

    /** The counts so far ({@link #callCounts()}), and counting from zero again. */
    public CallCounts resetCallCounts() {
        return stats.reset();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Forgets every session now: the next call of each client answers fault 5. */
    public void expireSessions() {
        sessions.expireAll();
    }

    /** How many sessions are open. */
    public int openSessions() {
        return sessions.count();
    }

    /** Stops answering and frees the port; the store stays readable. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "MagentoSimulator at " + endpoint() + " " + store;
    }

    /** How to start one. Data sources apply in the order they are given. */
    public static final class Builder {

        private String user = "odoo";
        private String apiKey = "odoo42";
        private String token = DEFAULT_TOKEN;
        private String host = "127.0.0.1";
        private int port;
        private boolean recordCalls = true;
        private DataStore store;
        private final List<DataSource> sources = new ArrayList<>();

        @FunctionalInterface
        private interface DataSource {
            void fill(DataStore store) throws IOException;
        }

        private Builder() {
        }

        /** The API user login accepts; "odoo" by default, as in the recorded traffic. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The API key login accepts; "odoo42" by default, as in the recorded traffic. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The integration token the REST API takes ({@code Authorization: Bearer <token>});
         * {@value MagentoSimulator#DEFAULT_TOKEN} by default, as in the reference connector's tests.
         */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("A token cannot be empty");
            }
            this.token = token;
            return this;
        }

        /** The address to listen on; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (the default) for any free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Whether to keep {@link MagentoSimulator#calls()} (also served at {@code GET /calls}); on by
         * default here, off for long load runs (and on the command line unless {@code --record-calls}).
         */
        public Builder recordCalls(boolean recordCalls) {
            this.recordCalls = recordCalls;
            return this;
        }

        /** Serves this store (shared with the caller) instead of a new one; sources still apply to it. */
        public Builder store(DataStore store) {
            this.store = store;
            return this;
        }

        /**
         * Loads the records the recorded traffic in {@code dir} answered (see {@link CassetteSeeder}):
         * a directory of cassettes, or one cassette; Magento 1's XML-RPC traffic and Magento 2's
         * REST traffic alike ({@link RestCassetteSeeder}). A later source replaces the records an
         * earlier one had under the same ids.
         */
        public Builder seedFromCassettes(Path dir) {
            sources.add(store -> CassetteSeeder.seed(store, dir));
            return this;
        }

        /** Loads a data directory written by {@link DataStore#save}. */
        public Builder loadData(Path dir) {
            sources.add(store -> store.load(dir));
            return this;
        }

        /** Adds generated records (see {@link DataGenerator}). */
        public Builder generate(GeneratorSpec spec) {
            sources.add(store -> DataGenerator.populate(store, spec));
            return this;
        }

        /** Fills the store and starts listening. */
        public MagentoSimulator start() {
            DataStore target = store != null ? store : new DataStore();
            try {
                for (DataSource source : sources) {
                    source.fill(target);
                }
                // Whatever filled it, a shop has attribute sets: its products' "set" names one.
                AttributeSetResources.ensure(target);
                return new MagentoSimulator(this, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
