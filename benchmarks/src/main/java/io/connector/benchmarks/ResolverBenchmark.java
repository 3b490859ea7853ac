package io.connector.benchmarks;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.unit.ImportMapper;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitDescriptor;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.core.internal.resolver.UnitSource;
import io.connector.core.mapper.AbstractImportMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unit resolution with 100 registered units on the magento chain, against a plain concurrent map
 * lookup with a three-part key measured in the same run (the figure to compare with: "about a
 * map lookup").
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ResolverBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Benchmark)
public class ResolverBenchmark {

    static final String[] TYPES = {"io.connector.api.unit.ImportMapper", "io.connector.api.unit.ExportMapper",
        "io.connector.api.unit.BackendAdapter", "io.connector.api.unit.Binder", "io.connector.api.unit.RecordImporter"};
    static final int LOOKUPS = 64;

    /** A three-part key with its hash computed once, as small as a cache key gets. */
    record Key(String backend, String type, String model, int hash) {
        Key(String backend, String type, String model) {
            this(backend, type, model, (backend.hashCode() * 31 + type.hashCode()) * 31 + model.hashCode());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.backend.equals(backend) && k.type.equals(type)
                    && k.model.equals(model);
        }
    }

    static final class Mapper extends AbstractImportMapper {
    }

    UnitRegistry registry;
    ConnectorEnvironmentFactory environments;
    BackendRecord shop;
    Environment openEnvironment;
    final String[][] lookups = new String[LOOKUPS][];
    final Map<Key, Object> baseline = new ConcurrentHashMap<>();
    int next;

    @Setup(Level.Trial)
    public void registerUnits() {
        registry = new UnitRegistry();
        registry.backendDeclared("b1", new BackendInfo("magento", "", "", "", "bench", 0, 1));
        registry.backendDeclared("b2", new BackendInfo("magento", "1.7", "magento", "", "bench", 0, 2));
        registry.backendDeclared("b3", new BackendInfo("magento", "1.7-specific", "1.7", "", "bench", 0, 3));
        UnitSource source = new UnitSource() {
            @Override
            public Object newInstance() {
                return new Mapper();
            }

            @Override
            public void release(Object instance) {
            }
        };
        long id = 100;
        int units = 0;
        // 60 units on magento, 30 on magento/1.7, 10 on magento/1.7-specific: 100 in all.
        String[][] levels = {{"magento", "12"}, {"magento/1.7", "6"}, {"magento/1.7-specific", "2"}};
        for (String[] level : levels) {
            for (String type : TYPES) {
                for (int m = 0; m < Integer.parseInt(level[1]); m++) {
                    String name = level[0] + "/" + type + "/" + m;
                    registry.unitRegistered(name, new UnitDescriptor(name, Set.of(type), level[0],
                            Set.of("model." + m), Set.of(), 0, id++, "bench", true, source));
                    units++;
                }
            }
        }
        if (units != 100) {
            throw new IllegalStateException(units + " units");
        }
        String[] backends = {"magento/1.7-specific", "magento/1.7", "magento"};
        for (int i = 0; i < LOOKUPS; i++) {
            String[] lookup = {backends[i % 3], TYPES[i % TYPES.length], "model." + (i % 12)};
            lookups[i] = lookup;
            registry.current().resolve(lookup[0], lookup[1], lookup[2]).winner(); // every lookup resolves
            baseline.put(new Key(lookup[0], lookup[1], lookup[2]), lookup);
        }
        environments = new ConnectorEnvironmentFactory(registry);
        Backend backend = registry.get("magento/1.7-specific");
        shop = new BackendRecord() {
            public String id() {
                return "bench";
            }

            public String name() {
                return "bench";
            }

            public Backend backend() {
                return backend;
            }

            public String location() {
                return "http://127.0.0.1";
            }

            public String username() {
                return "";
            }

            public String password() {
                return "";
            }

            public Optional<String> option(String key) {
                return Optional.empty();
            }
        };
        openEnvironment = environments.open(shop, "model.0");
        openEnvironment.unit(ImportMapper.class);
    }

    @TearDown(Level.Trial)
    public void close() {
        openEnvironment.close();
    }

    private String[] nextLookup() {
        String[] lookup = lookups[next];
        next = (next + 1) & (LOOKUPS - 1);
        return lookup;
    }

    /** Baseline: one concurrent-map probe with a freshly made three-part key. */
    @Benchmark
    public Object mapLookupBaseline() {
        String[] l = nextLookup();
        return baseline.get(new Key(l[0], l[1], l[2]));
    }

    /** The resolver's steady state: the current snapshot's cached answer. */
    @Benchmark
    public UnitDescriptor resolveCached() {
        String[] l = nextLookup();
        return registry.current().resolve(l[0], l[1], l[2]).winner();
    }

    /** What a running job pays for a unit it already obtained. */
    @Benchmark
    public ImportMapper environmentUnitAlreadyObtained() {
        return openEnvironment.unit(ImportMapper.class);
    }

    /** What a job pays once: open an environment, obtain a new unit instance, release it. */
    @Benchmark
    public ImportMapper openObtainClose() {
        try (Environment env = environments.open(shop, "model.0")) {
            return env.unit(ImportMapper.class);
        }
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {ResolverBenchmark.class.getSimpleName()});
    }

}
