package io.connector.core.internal.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.DeclareImport;
import io.connector.api.Environment;
import io.connector.api.EnvironmentFactory;
import io.connector.api.ImportDeclaration;
import io.connector.api.Imports;
import io.connector.api.UnknownBackendException;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobQueue;
import io.connector.api.job.JobStep;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.BatchImporter;
import io.connector.core.sync.AbstractBatchImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Starts the imports that backend bundles name ({@link DeclareImport}): checks the backend, the
 * import and that every model has a batch importer, then delays one {@code import_batch} job per
 * model, chained in the declared order (or runs them now). An incremental import filters on the
 * remote change date: from {@code --since}, else from where the previous one started less
 * {@link #SAFETY_MARGIN}, up to the moment this one starts; the next start travels with the batch
 * job and is stored when the batch succeeded, so that a failed batch does not skip what changed.
 *
 * <p>Registered as {@link Imports} too, for the consoles outside this bundle; the shell commands
 * use the rest of it (running a batch now, the chunk size).
 */
@Component(service = {ImportLauncher.class, Imports.class})
public class ImportLauncher implements Imports {

    /** Covers the clock skew between us and the remote system, and records written while we read. */
    public static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);
    /** import_batch arguments of an incremental import: its name, and where the next one starts once this batch succeeded. */
    static final String ARG_IMPORT = "import";
    static final String ARG_NEXT_FROM = "next_from";

    private static final String DATES = "connector.import.date";

    /** What one start did: the delayed jobs, or the messages of what ran now. */
    public record Started(BackendRecord backend, Optional<LocalDateTime> from, List<String> jobUuids, List<String> messages) {
    }

    /** A declared import, as its service properties say. */
    public record Declared(String service, String name, List<String> models, boolean incremental, boolean ownDates,
            int order, String description) {
    }

    private final Map<ImportDeclaration, Declared> declared = new ConcurrentHashMap<>();
    private final BackendRecords backends;
    private final EnvironmentFactory environments;
    private final JobQueue jobs;
    private final RecordStore store;
    private final Clock clock;

    @Activate
    public ImportLauncher(@Reference BackendRecords backends, @Reference EnvironmentFactory environments,
            @Reference JobQueue jobs, @Reference RecordStore store) {
        this(backends, environments, jobs, store, Clock.systemUTC());
    }

    ImportLauncher(BackendRecords backends, EnvironmentFactory environments, JobQueue jobs, RecordStore store, Clock clock) {
        this.backends = backends;
        this.environments = environments;
        this.jobs = jobs;
        this.store = store;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addImport(ImportDeclaration declaration, Map<String, Object> properties) {
        declared.put(declaration, declared(properties));
    }

    void removeImport(ImportDeclaration declaration) {
        declared.remove(declaration);
    }

    static Declared declared(Map<String, Object> properties) {
        String prefix = DeclareImport.PREFIX_;
        Object models = properties.get(prefix + "models");
        List<String> list = models instanceof String[] array ? List.of(array)
                : models == null ? List.of() : List.of(models.toString().split("\\s*,\\s*"));
        return new Declared(String.valueOf(properties.get(prefix + "service")), String.valueOf(properties.get(prefix + "name")),
                list, Boolean.parseBoolean(String.valueOf(properties.get(prefix + "incremental"))),
                Boolean.parseBoolean(String.valueOf(properties.get(prefix + "ownDates"))),
                properties.get(prefix + "order") instanceof Number n ? n.intValue() : 0,
                String.valueOf(properties.getOrDefault(prefix + "description", "")));
    }

    public BackendRecord backendRecord(String nameOrId) {
        return backends.get(nameOrId);
    }

    /** Every declared import name, whichever service. */
    public List<String> names() {
        return declared.values().stream().map(Declared::name).distinct().sorted().toList();
    }

    /** The imports a backend record offers, in their order. */
    public List<Declared> imports(BackendRecord backend) {
        String service = backend.backend().service();
        return declared.values().stream().filter(d -> d.service().equals(service))
                .sorted(Comparator.comparingInt(Declared::order).thenComparing(Declared::name)).distinct().toList();
    }

    public Declared find(BackendRecord backend, String name) {
        List<Declared> offered = imports(backend);
        return offered.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new ConnectorException(
                "Unknown import '" + name + "' for backend " + backend.name() + " (" + backend.backend().name() + "); "
                        + (offered.isEmpty() ? "no installed bundle declares imports for " + backend.backend().service()
                                : "one of: " + String.join(", ", offered.stream().map(Declared::name).toList()))));
    }

    /**
     * Starts {@code name} for {@code backendName}; {@code since} overrides the stored start of an
     * incremental import; {@code now} runs the batches in this thread (their per-record imports
     * are still delayed jobs).
     */
    public Started start(String backendName, String name, LocalDateTime since, boolean now) {
        return start(backendName, name, since, now, null);
    }

    /** {@link #start(String, String, LocalDateTime, boolean)} with {@code chunkSize} records per job (null: the default). */
    public Started start(String backendName, String name, LocalDateTime since, boolean now, Integer chunkSize) {
        BackendRecord backend = backends.get(backendName);
        if (chunkSize != null && (chunkSize < 1 || chunkSize > AbstractBatchImporter.MAX_CHUNK_SIZE)) {
            throw new ConnectorException("The chunk size takes 1 to " + AbstractBatchImporter.MAX_CHUNK_SIZE
                    + " records per job, not " + chunkSize);
        }
        Declared declaration = find(backend, name);
        if (since != null && !declaration.incremental()) {
            throw new ConnectorException("Import '" + name + "' always imports everything; it takes no --since");
        }
        checkImporters(backend, declaration);
        LocalDateTime startedAt = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
        Optional<LocalDateTime> from = Optional.ofNullable(since);
        if (from.isEmpty() && declaration.incremental() && !declaration.ownDates()) {
            from = storedFrom(backend, name);
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        from.ifPresent(f -> filters.put(BatchImporter.FROM_DATE, f.toString()));
        if (declaration.incremental()) {
            filters.put(BatchImporter.TO_DATE, startedAt.toString());
        }
        if (chunkSize != null) {
            filters.put(BatchImporter.CHUNK_SIZE, chunkSize);
        }

        List<JobBuilder> batches = new ArrayList<>();
        for (String model : declaration.models()) {
            Map<String, Object> args = new LinkedHashMap<>(Map.of("backend_id", backend.id(), "model", model, "filters", filters));
            if (declaration.incremental() && !declaration.ownDates()) {
                args.put(ARG_IMPORT, name);
                args.put(ARG_NEXT_FROM, startedAt.minus(SAFETY_MARGIN).toString());
            }
            batches.add(jobs.job("import_batch").args(args)
                    .backend(backend.id()).description("Import " + name + " (" + model + ") from " + backend.name()
                            + from.map(f -> " changed since " + f).orElse("")));
        }
        List<String> uuids = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        if (now) {
            for (JobBuilder batch : batches) {
                try {
                    messages.add(String.valueOf(batch.runNow()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ConnectorException("Import " + name + " of backend " + backend.name() + " failed: " + e.getMessage(), e);
                }
            }
        } else if (batches.size() == 1) {
            uuids.add(batches.get(0).delay());
        } else {
            uuids.addAll(jobs.chain(batches.toArray(JobStep[]::new)).delay());
        }
        return new Started(backend, from, uuids, messages);
    }

    @Override
    public List<Offered> offered(String backend) throws UnknownBackendException {
        return imports(backends.get(backend)).stream()
                .map(d -> new Offered(d.name(), d.models(), d.incremental(), d.description())).toList();
    }

    /** Delays the batches (a console must not wait for them), each with the importer's default chunk size. */
    @Override
    public Imports.Started start(String backend, String name, LocalDateTime since) {
        Started started = start(backend, name, since, false, null);
        return new Imports.Started(started.backend().id(), started.backend().name(), name, started.from(), started.jobUuids());
    }

    /** A missing batch importer is an error now, not a failed job later. */
    private void checkImporters(BackendRecord backend, Declared declaration) {
        for (String model : declaration.models()) {
            try (Environment env = environments.open(backend, model)) {
                env.unit(BatchImporter.class);
            }
        }
    }

    public Optional<LocalDateTime> storedFrom(BackendRecord backend, String name) {
        return store.inTransaction(s -> s.query(DATES).where("backend_id", "=", backend.id()).where("name", "=", name)
                .read("from_date").stream().findFirst().map(row -> (LocalDateTime) row.get("from_date")));
    }

    /** Where the next incremental import {@code name} of a backend starts. */
    static void storeFrom(RecordStore store, String backendId, String name, LocalDateTime from) {
        store.inTransaction(s -> {
            Optional<Long> existing = s.query(DATES).where("backend_id", "=", backendId).where("name", "=", name).first();
            if (existing.isPresent()) {
                s.write(DATES, existing.get(), Map.of("from_date", from));
            } else {
                s.create(DATES, Map.of("backend_id", backendId, "name", name, "from_date", from));
            }
            return null;
        });
    }
}
