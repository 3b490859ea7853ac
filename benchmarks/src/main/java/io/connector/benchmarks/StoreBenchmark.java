package io.connector.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.connector.store.internal.JdbcRecordStore;
import io.connector.store.internal.RecordListeners;
import io.connector.store.internal.model.ModelFileReader;
import io.connector.store.internal.model.ModelRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records created through the store against the same rows inserted with plain JDBC on the same
 * pool, in the same run: one record per transaction, and 100 per transaction.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StoreBenchmark} (H2 file database
 * with WRITE_DELAY=0, as the feature configures it); add {@code -p database=h2,postgresql} with
 * {@code CONNECTOR_TEST_PG_URL} set (scripts/postgres start prints it) for PostgreSQL.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StoreBenchmark {

    @Param({"h2"})
    public String database;

    private HikariDataSource pool;
    private JdbcRecordStore store;
    private Path directory;
    private final AtomicLong counter = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        if (database.equals("postgresql")) {
            String url = System.getenv("CONNECTOR_TEST_PG_URL");
            if (url == null) {
                throw new IllegalStateException("Set CONNECTOR_TEST_PG_URL (scripts/postgres start prints it)");
            }
            String schema = "bench_" + System.nanoTime();
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            config.setJdbcUrl(url + "&currentSchema=" + schema);
        } else {
            directory = Files.createTempDirectory("store-bench");
            config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("store") + ";WRITE_DELAY=0");
        }
        pool = new HikariDataSource(config);
        ModelRegistry models = new ModelRegistry();
        try (InputStream in = JdbcRecordStore.class.getResourceAsStream("/connector/models.json")) {
            models.contributed("core", ModelFileReader.read("core", 1, "connector/models.json", in));
        }
        store = new JdbcRecordStore(pool, models, new RecordListeners());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        pool.close();
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Map<String, Object> partner() {
        long n = counter.incrementAndGet();
        return Map.of("name", "Partner " + n, "email", "p" + n + "@example.com", "is_company", n % 2 == 0);
    }

    @Benchmark
    public long storeOnePerTransaction() {
        return store.inTransaction(s -> s.create("res.partner", partner()));
    }

    @Benchmark
    public long jdbcOnePerTransaction() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long id = insert(c);
            c.commit();
            return id;
        }
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public long storeHundredPerTransaction() {
        return store.inTransaction(s -> {
            long last = 0;
            for (int i = 0; i < 100; i++) {
                last = s.create("res.partner", partner());
            }
            return last;
        });
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public long jdbcHundredPerTransaction() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            long last = 0;
            for (int i = 0; i < 100; i++) {
                last = insert(c);
            }
            c.commit();
            return last;
        }
    }

    /** The same row as the store writes: the given values, the defaults, the two dates. */
    private long insert(Connection c) throws Exception {
        Map<String, Object> values = partner();
        LocalDateTime now = LocalDateTime.now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"res_partner\" (\"create_date\", \"write_date\", "
                + "\"type\", \"active\", \"name\", \"email\", \"is_company\") VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, Timestamp.valueOf(now));
            insert.setTimestamp(2, Timestamp.valueOf(now));
            insert.setString(3, "contact");
            insert.setBoolean(4, true);
            insert.setString(5, (String) values.get("name"));
            insert.setString(6, (String) values.get("email"));
            insert.setBoolean(7, (Boolean) values.get("is_company"));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
