package io.connector.core.sync;

import static io.connector.core.internal.resolver.TestUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.connector.api.Backend;
import io.connector.api.BackendRecord;
import io.connector.api.Environment;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobGraph;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;
import io.connector.api.job.NothingToDoException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.Binder;
import io.connector.api.unit.Deleter;
import io.connector.api.unit.ExportMapper;
import io.connector.api.unit.Exporter;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.core.internal.environment.ConnectorEnvironmentFactory;
import io.connector.core.internal.resolver.BackendInfo;
import io.connector.core.internal.resolver.UnitRegistry;
import io.connector.core.mapper.AbstractExportMapper;
import io.connector.core.mapper.ChangedBy;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.store.binder.StoreBinder;
import io.connector.store.testing.StoreFixture;
import io.connector.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generic export flow through real units, binders and store: create, update of changed
 * fields, nothing to send, a remote change imported after, a record gone remotely, a binding held
 * by another export, dependencies exported first, no echo of the bind, bad data; and the deleter.
 */
class ExporterTest {

    /** What the remote system holds and was asked, per model. */
    static final class Remote {
        final Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        int next = 100;
    }

    static final Map<String, Remote> REMOTES = new java.util.concurrent.ConcurrentHashMap<>();

    static Remote remote(String model) {
        return REMOTES.computeIfAbsent(model, m -> new Remote());
    }

    static final class MemoryAdapter extends AbstractUnit implements BackendAdapter {

        private Remote remote() {
            return ExporterTest.remote(model());
        }

        @Override
        public List<String> search(Map<String, Object> filters) {
            return List.copyOf(remote().records.keySet());
        }

        @Override
        public Map<String, Object> read(String id, List<String> attributes) {
            remote().calls.add("read " + id + " " + attributes);
            Map<String, Object> record = remote().records.get(id);
            if (record == null) {
                throw new RemoteRecordNotFoundException(model() + " " + id + " is gone");
            }
            return record;
        }

        @Override
        public List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes) {
            return List.copyOf(remote().records.values());
        }

        @Override
        public String create(Map<String, Object> data) {
            String id = String.valueOf(remote().next++);
            remote().calls.add("create " + data);
            remote().records.put(id, new LinkedHashMap<>(data));
            return id;
        }

        @Override
        public void write(String id, Map<String, Object> data) {
            remote().calls.add("write " + id + " " + data);
            remote().records.get(id).putAll(data);
        }

        @Override
        public void delete(String id) {
            remote().calls.add("delete " + id);
            if (remote().records.remove(id) == null) {
                throw new RemoteRecordNotFoundException(model() + " " + id + " is gone");
            }
        }
    }

    static final class PartnerExportMapper extends AbstractExportMapper {
        PartnerExportMapper() {
            direct("name", "firstname");
            direct("email", "email");
            direct(m2oToBackend("group_id"), "group_id");
        }

        @Mapping
        @ChangedBy({"street", "city"})
        public Map<String, Object> address(MapContext record) {
            return Map.of("address", record.get("street") + ", " + record.get("city"));
        }
    }

    static final class GroupExportMapper extends AbstractExportMapper {
        GroupExportMapper() {
            direct("name", "customer_group_code");
        }
    }

    static final class PartnerExporter extends AbstractExporter {
        @Override
        protected void exportDependencies(io.connector.api.store.StoreSession session, Map<String, Object> binding) {
            Object group = binding.get("group_id");
            if (group != null) {
                long category = (Long) session.read("shop.res.partner.category", (Long) group).orElseThrow().get("record_id");
                exportDependency(session, category, "shop.res.partner.category", Map.of());
            }
        }
    }

    static final class GroupExporter extends AbstractExporter {
    }

    static final class PartnerDeleter extends AbstractDeleter {
    }

    static final class ShopBinder extends StoreBinder {
    }

    /** Keeps the jobs delayed, runs none. */
    static final class KeptJobs implements JobQueue {
        final List<Map<String, Object>> delayed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public JobBuilder job(String function) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("function", function);
            return (JobBuilder) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {JobBuilder.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "args" -> job.putAll(castMap(args[0]));
                            case "delay" -> {
                                delayed.add(job);
                                return "uuid-" + delayed.size();
                            }
                            case "runNow", "onDone", "delayFailed" -> throw new UnsupportedOperationException(method.getName());
                            default -> job.put(method.getName(), args == null ? null : args[0]);
                        }
                        return proxy;
                    });
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castMap(Object map) {
            return (Map<String, Object>) map;
        }

        @Override
        public JobGraph chain(JobStep... steps) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JobGraph group(JobStep... steps) {
            throw new UnsupportedOperationException();
        }
    }

    record Shop(String id, Backend backend, Map<String, String> options) implements BackendRecord {
        Shop(String id, Backend backend) {
            this(id, backend, Map.of());
        }

        public String name() {
            return "test shop";
        }

        public String location() {
            return "http://127.0.0.1:1";
        }

        public String username() {
            return "";
        }

        public String password() {
            return "";
        }

        public Optional<String> option(String key) {
            return Optional.ofNullable(options.get(key));
        }
    }

    /** A shop version's mapper: the standard one, plus the phone. */
    static final class PhoneExportMapper extends AbstractExportMapper {
        PhoneExportMapper() {
            direct("phone", "telephone");
        }
    }

    private StoreFixture fixture;
    private UnitRegistry units;
    private ConnectorEnvironmentFactory environments;
    private final KeptJobs jobs = new KeptJobs();
    private BackendRecord shop;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        REMOTES.clear();
        fixture = new StoreFixture(TestDatabase.h2(), "/connector/models.json", "/test-models.json");
        units = new UnitRegistry();
        units.backendDeclared("shop", new BackendInfo("shop", "", "", "", "test", 0, 1));
        String[] models = {"shop.res.partner", "shop.res.partner.category"};
        units.unitRegistered("binder", unit("ShopBinder").type(Binder.class.getName()).on("shop").models(models)
                .instances(ShopBinder::new).build());
        units.unitRegistered("adapter", unit("MemoryAdapter").type(BackendAdapter.class.getName()).on("shop").models(models)
                .instances(MemoryAdapter::new).build());
        units.unitRegistered("partner-mapper", unit("PartnerExportMapper").type(ExportMapper.class.getName()).on("shop")
                .models("shop.res.partner").instances(PartnerExportMapper::new).build());
        units.unitRegistered("group-mapper", unit("GroupExportMapper").type(ExportMapper.class.getName()).on("shop")
                .models("shop.res.partner.category").instances(GroupExportMapper::new).build());
        units.unitRegistered("partner-exporter", unit("PartnerExporter").type(Exporter.class.getName()).on("shop")
                .models("shop.res.partner").instances(PartnerExporter::new).build());
        units.unitRegistered("group-exporter", unit("GroupExporter").type(Exporter.class.getName()).on("shop")
                .models("shop.res.partner.category").instances(GroupExporter::new).build());
        units.unitRegistered("partner-deleter", unit("PartnerDeleter").type(Deleter.class.getName()).on("shop")
                .models("shop.res.partner").instances(PartnerDeleter::new).build());
        environments = new ConnectorEnvironmentFactory(units, fixture.store, jobs);
        shop = new Shop("b1", units.get("shop"));
        fixture.listeners.add(new RecordListener() {
            @Override
            public void onRecordWrite(RecordEvent event) {
                events.add(event.model() + " " + event.values().keySet() + (event.noExport() ? " no-export" : ""));
            }
        }, Map.of());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private long newBinding(Map<String, Object> values) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.put("backend_id", shop.id());
        return fixture.store.inTransaction(s -> s.create("shop.res.partner", all));
    }

    private String export(long binding, String... fields) {
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            return env.unit(Exporter.class).run(binding, List.of(fields));
        }
    }

    private Map<String, Object> read(long binding) {
        return fixture.store.inTransaction(s -> s.read("shop.res.partner", binding)).orElseThrow();
    }

    @Test
    void aBindingWithoutExternalIdIsCreatedRemotelyWithAllItsFieldsAndBoundWithoutEcho() {
        long binding = newBinding(Map.of("name", "Jane", "email", "jane@example.com", "street", "1 Main St", "city", "Lyon"));
        events.clear();

        String result = export(binding, "email");

        assertThat(result).startsWith("Created shop.res.partner " + binding).endsWith("as 100");
        assertThat(remote("shop.res.partner").calls).as("a create sends every field, whatever changed")
                .containsExactly("create {firstname=Jane, email=jane@example.com, group_id=null, address=1 Main St, Lyon}");
        assertThat(read(binding)).containsEntry("external_id", "100");
        assertThat(read(binding).get("sync_date")).isNotNull();
        assertThat(events).as("the bind writes with no export").allMatch(e -> e.endsWith("no-export")).isNotEmpty();
    }

    @Test
    void anUpdateSendsOnlyTheChangedFieldsAndTheMappingsThatDependOnThem() {
        long binding = newBinding(Map.of("name", "Jane", "email", "jane@example.com", "street", "1 Main St", "city", "Lyon"));
        export(binding);
        remote("shop.res.partner").calls.clear();

        fixture.store.inTransaction(s -> {
            s.write("shop.res.partner", binding, Map.of("email", "jane@shop.example", "city", "Paris"));
            return null;
        });
        assertThat(export(binding, "email")).startsWith("Updated 100 from shop.res.partner " + binding).endsWith("(email)");
        assertThat(export(binding, "city")).endsWith("(city)");
        assertThat(remote("shop.res.partner").calls).containsExactly(
                "read 100 [updated_at]", "write 100 {email=jane@shop.example}",
                "read 100 [updated_at]", "write 100 {address=1 Main St, Paris}");

        remote("shop.res.partner").calls.clear();
        assertThat(export(binding, "phone")).startsWith("Nothing to export for shop.res.partner " + binding);
        assertThat(remote("shop.res.partner").calls).containsExactly("read 100 [updated_at]");
    }

    @Test
    void aRecordChangedRemotelySinceItsSyncIsExportedThenImportedForcedInAJobOfItsOwn() {
        long binding = newBinding(Map.of("name", "Jane"));
        export(binding);
        remote("shop.res.partner").records.get("100").put("updated_at", LocalDateTime.now().plusHours(1).toString());

        String result = export(binding, "name");

        assertThat(result).contains("changed remotely").contains("its import follows");
        assertThat(jobs.delayed).singleElement().satisfies(job -> {
            assertThat(job).containsEntry("function", "import_record").containsEntry("external_id", "100")
                    .containsEntry("force", true).containsEntry("model", "shop.res.partner");
        });

        jobs.delayed.clear();
        remote("shop.res.partner").records.get("100").put("updated_at", "2001-01-01 00:00:00");
        export(binding, "name");
        assertThat(jobs.delayed).as("older than the sync: no import").isEmpty();
    }

    @Test
    void aRecordGoneRemotelyIsCreatedAgain() {
        long binding = newBinding(Map.of("name", "Jane"));
        export(binding);
        remote("shop.res.partner").records.clear();

        assertThat(export(binding, "name")).startsWith("Created").contains("it was gone from backend test shop");
        assertThat(read(binding)).containsEntry("external_id", "101");
    }

    @Test
    void aBindingHeldByAnotherExportIsRetriedSoonWithoutCountingTheTry() throws Exception {
        long binding = newBinding(Map.of("name", "Jane"));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> fixture.store.inTransaction(s -> {
            assertThat(s.tryLock("export shop.res.partner b1 " + binding)).isTrue();
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        other.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> export(binding)).isInstanceOfSatisfying(RetryableJobException.class, e -> {
                assertThat(e.ignoreRetry()).isTrue();
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                assertThat(e).hasMessageContaining("shop.res.partner " + binding).hasMessageContaining("another job");
            });
            assertThat(remote("shop.res.partner").calls).isEmpty();
        } finally {
            release.countDown();
            other.join();
        }
        assertThat(export(binding)).startsWith("Created");
    }

    @Test
    void whatARecordRefersToIsBoundAndExportedFirst() {
        long category = fixture.store.inTransaction(s -> s.create("res.partner.category", Map.of("name", "VIP")));
        // The partner's group is a binding without external id, as a back office would make it.
        long group = fixture.store.inTransaction(s -> s.create("shop.res.partner.category",
                Map.of("backend_id", "b1", "record_id", category)));
        long binding = newBinding(Map.of("name", "Jane", "group_id", group));

        export(binding);

        assertThat(remote("shop.res.partner.category").calls).containsExactly("create {customer_group_code=VIP}");
        assertThat(remote("shop.res.partner").calls).singleElement().asString().contains("group_id=100");
        assertThat(fixture.store.inTransaction(s -> s.read("shop.res.partner.category", group)).orElseThrow())
                .containsEntry("external_id", "100");
    }

    @Test
    void badDataAndAMissingBindingSayWhich() {
        long orphanGroup = fixture.store.inTransaction(s -> {
            long category = s.create("res.partner.category", Map.of("name", "Lost"));
            return s.create("shop.res.partner.category", Map.of("backend_id", "b2", "record_id", category));
        });
        long binding = newBinding(Map.of("name", "Jane", "group_id", orphanGroup));
        assertThatThrownBy(() -> export(binding)).isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("shop.res.partner " + binding + " (backend test shop)").hasMessageContaining("group_id");
        assertThat(read(binding).get("external_id")).as("nothing bound").isNull();

        assertThatThrownBy(() -> export(987654)).isInstanceOf(NothingToDoException.class).hasMessageContaining("no longer exists");
    }

    @Test
    void exportUnitsResolveLikeImportUnitsUpTheVersionChainAndReplacing() {
        units.backendDeclared("shop/2", new BackendInfo("shop", "2", "shop", "", "test", 0, 2));
        units.unitRegistered("phone-mapper", unit("PhoneExportMapper").type(ExportMapper.class.getName()).on("shop/2")
                .models("shop.res.partner").instances(PhoneExportMapper::new).build());
        BackendRecord shop2 = new Shop("b1", units.get("shop/2"));
        long binding = newBinding(Map.of("name", "Jane", "phone", "+33 1 23"));
        try (Environment env = environments.open(shop2, "shop.res.partner")) {
            assertThat(env.unit(Exporter.class)).as("inherited from shop").isInstanceOf(PartnerExporter.class);
            env.unit(Exporter.class).run(binding, List.of());
        }
        assertThat(remote("shop.res.partner").calls).as("the version's mapper").containsExactly("create {telephone=+33 1 23}");

        units.unitRegistered("replacing", unit("ReplacingGroupExportMapper").type(ExportMapper.class.getName()).on("shop")
                .models("shop.res.partner").replacing("PartnerExportMapper").instances(PhoneExportMapper::new).build());
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            assertThat(env.unit(ExportMapper.class)).as("replacing wins on its level").isInstanceOf(PhoneExportMapper.class);
        }
    }

    @Test
    void theDeleterRemovesTheRemoteRecordAndAGoneOneIsNothingToDo() {
        remote("shop.res.partner").records.put("7", new LinkedHashMap<>(Map.of("firstname", "Old")));
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            assertThat(env.unit(Deleter.class).run("7")).isEqualTo("Deleted shop.res.partner 7 of backend test shop");
            assertThat(env.unit(Deleter.class).run("7")).startsWith("Already gone");
        }
        assertThat(remote("shop.res.partner").calls).containsExactly("delete 7", "delete 7");
    }

    @Test
    void aListenerHearingManyRecordsInOneTransactionDelaysOneJobPerChunkAtTheCommit() {
        BackendRecord chunked = new Shop("b1", units.get("shop"), Map.of("export.chunk", "2", "export.delay", "0"));
        RecordListener listener = new AbstractExportListener(() -> jobs, () -> new io.connector.api.BackendRecords() {
            public java.util.Collection<BackendRecord> all() {
                return List.of(chunked);
            }

            public Optional<BackendRecord> find(String nameOrId) {
                return Optional.of(chunked);
            }

            public BackendRecord get(String nameOrId) {
                return chunked;
            }
        }) {
            @Override
            public void onRecordWrite(RecordEvent event) {
                if (!event.noExport() && event.values().containsKey("email")) {
                    delayExportAtCommit(event.session(), "b1", event.model(), event.id(), List.of("email"), 20);
                }
            }
        };
        fixture.listeners.add(listener, Map.of("model", "shop.res.partner"));
        List<Long> ids = List.of(newBinding(Map.of("name", "A")), newBinding(Map.of("name", "B")), newBinding(Map.of("name", "C")));

        fixture.store.inTransaction(s -> {
            s.write("shop.res.partner", ids, Map.of("email", "all@example.com"));
            assertThat(jobs.delayed).as("not before the commit").isEmpty();
            return null;
        });

        assertThat(jobs.delayed).extracting(job -> job.get("function") + " " + job.getOrDefault("binding_ids", job.get("binding_id")))
                .containsExactly("export_chunk " + ids.subList(0, 2), "export_record " + ids.get(2));
        assertThat(jobs.delayed).allSatisfy(job -> assertThat(job).containsEntry("priority", 20).containsEntry("fields", List.of("email")));

        // The job's default chunk: each binding on its own, in one transaction.
        try (Environment env = environments.open(shop, "shop.res.partner")) {
            var result = env.unit(Exporter.class).runChunk(ids, List.of("email"));
            assertThat(result.imported()).hasSize(3);
            assertThat(result.failed()).isEmpty();
        }
        assertThat(remote("shop.res.partner").calls).hasSize(3);
        fixture.listeners.remove(listener);
    }

    @Test
    void exportJobsAreOnePerBindingAndFieldsWhilePending() {
        JobQueue queue = jobs;
        ExportJobs.export(queue, "b1", "shop.res.partner", 5, List.of("email", "city")).delay();
        assertThat(jobs.delayed).singleElement().satisfies(job -> assertThat(job)
                .containsEntry("function", "export_record").containsEntry("binding_id", 5L)
                .containsEntry("fields", List.of("city", "email"))
                .containsEntry("pendingIdentityKey", "export_record b1 shop.res.partner 5 [city, email]"));
        assertThat(ExportJobs.delay(new Shop("b1", null))).isEqualTo(ExportJobs.DEFAULT_DELAY);
        assertThat(ExportJobs.delay(withOption("export.delay", "0"))).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> ExportJobs.delay(withOption("export.delay", "soon")))
                .hasMessage("Backend test shop: option export.delay 'soon' is not a number of seconds from 0 to 3600");
    }

    private static BackendRecord withOption(String key, String value) {
        return new Shop("b1", null, Map.of(key, value));
    }
}
