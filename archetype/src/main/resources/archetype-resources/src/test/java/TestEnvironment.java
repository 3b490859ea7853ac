package ${package};

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.ConnectorUnit;
import io.connector.api.Environment;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.Binder;

/**
 * What the connector core gives units, for one backend record and one model, without Karaf: the
 * units are the ones a test names (each made once and given this environment, as the core does),
 * and the job queue keeps the jobs delayed instead of running them.
 */
final class TestEnvironment implements Environment {

    /** One delayed job: what the queue would run. */
    record DelayedJob(String function, Map<String, Object> args, String description) {
    }

    static final BackendRecord SHOP = new ShopRecord();

    private final RecordStore store;
    private final String model;
    private final Map<Class<?>, Supplier<? extends ConnectorUnit>> makers = new HashMap<>();
    private final Map<Class<?>, ConnectorUnit> units = new HashMap<>();
    private final List<DelayedJob> delayed = new ArrayList<>();

    TestEnvironment(RecordStore store, String model) {
        this.store = store;
        this.model = model;
    }

    <T extends ConnectorUnit> TestEnvironment with(Class<T> type, Supplier<? extends T> unit) {
        makers.put(type, unit);
        return this;
    }

    List<DelayedJob> delayedJobs() {
        return delayed;
    }

    @Override
    public BackendRecord backendRecord() {
        return SHOP;
    }

    @Override
    public Backend backend() {
        throw new UnsupportedOperationException("No backend declarations in a unit test");
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public RecordStore store() {
        return store;
    }

    @Override
    public JobQueue jobs() {
        return new JobQueue() {
            @Override
            public JobBuilder job(String function) {
                return delayedJob(function);
            }

            @Override
            public JobGraph chain(JobStep... steps) {
                throw new UnsupportedOperationException("chain");
            }

            @Override
            public JobGraph group(JobStep... steps) {
                throw new UnsupportedOperationException("group");
            }
        };
    }

    /** A builder that keeps what it is told and adds the job to the delayed ones when told to delay it. */
    @SuppressWarnings("unchecked")
    private JobBuilder delayedJob(String function) {
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, Object> settings = new HashMap<>();
        return (JobBuilder) Proxy.newProxyInstance(JobBuilder.class.getClassLoader(), new Class<?>[] {JobBuilder.class},
                (proxy, method, params) -> switch (method.getName()) {
                    case "args" -> {
                        args.putAll((Map<String, ?>) params[0]);
                        yield proxy;
                    }
                    case "arg" -> {
                        args.put((String) params[0], params[1]);
                        yield proxy;
                    }
                    case "delay" -> {
                        delayed.add(new DelayedJob(function, args, (String) settings.get("description")));
                        yield UUID.randomUUID().toString();
                    }
                    case "runNow" -> throw new UnsupportedOperationException("runNow");
                    default -> {
                        settings.put(method.getName(), params == null ? null : params[0]);
                        yield proxy;
                    }
                });
    }

    @Override
    public <T extends ConnectorUnit> T unit(Class<T> type) {
        ConnectorUnit unit = units.get(type);
        if (unit == null) {
            Supplier<? extends ConnectorUnit> maker = makers.get(type);
            if (maker == null) {
                throw new IllegalStateException("The test gave no " + type.getSimpleName() + " for " + model);
            }
            unit = maker.get();
            unit.setEnvironment(this);
            units.put(type, unit);
        }
        return type.cast(unit);
    }

    @Override
    public <T extends ConnectorUnit> T unit(Class<T> type, String model) {
        return forModel(model).unit(type);
    }

    @Override
    public Binder binder() {
        return unit(Binder.class);
    }

    @Override
    public Binder binder(String model) {
        return forModel(model).binder();
    }

    @Override
    public Environment forModel(String model) {
        if (!this.model.equals(model)) {
            throw new UnsupportedOperationException("This test environment serves " + this.model + " only, not " + model);
        }
        return this;
    }

    @Override
    public Map<String, Object> attributes() {
        return Map.of();
    }

    @Override
    public void close() {
    }

    /** Backend record "shop": what a backend-add would configure. */
    private static final class ShopRecord implements BackendRecord {

        @Override
        public String id() {
            return "shop-1";
        }

        @Override
        public String name() {
            return "shop";
        }

        @Override
        public Backend backend() {
            throw new UnsupportedOperationException("No backend declarations in a unit test");
        }

        @Override
        public String location() {
            return "http://127.0.0.1:8091";
        }

        @Override
        public String username() {
            return "odoo";
        }

        @Override
        public String password() {
            return "not used";
        }

        @Override
        public Optional<String> option(String key) {
            return Optional.empty();
        }
    }
}
