package io.connector.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.connector.api.ConnectorException;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreWork;
import io.connector.store.internal.model.ModelRegistry;
import io.connector.store.internal.model.Models;
import io.connector.store.internal.schema.Migration;
import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.spi.Database;
import io.connector.store.spi.SqlWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record store on the {@code connector} DataSource. It keeps the schema in step with the
 * models and the migrations bundles ship: at activation, whenever a bundle with models starts or
 * a bundle with a schema asks for its {@code SqlTransactions}, and before a transaction if the
 * models changed since, all under the schema lock.
 */
@Component(service = {RecordStore.class, JdbcRecordStore.class}, configurationPid = "io.connector.store")
@Designate(ocd = JdbcRecordStore.Config.class)
public final class JdbcRecordStore implements RecordStore {

    @ObjectClassDefinition(name = "Connector record store", description = "Where the connector keeps its records")
    @interface Config {
        @AttributeDefinition(name = "DataSource", description = "Filter selecting the DataSource service "
                + "(pax-jdbc-config registers one per etc/org.ops4j.datasource-NAME.cfg)")
        String dataSource_target() default "(dataSourceName=connector)";
    }

    /** The name the store's own migrations are recorded under. */
    public static final String SCHEMA_COMPONENT = "io.connector.store";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRecordStore.class);

    private final DataSource dataSource;
    private final ModelRegistry registry;
    private final RecordListeners listeners;
    private final Database database;
    private final List<Migration> migrations = new CopyOnWriteArrayList<>();
    private final ThreadLocal<StoreTransaction> current = new ThreadLocal<>();
    private final Consumer<Models> onModels = this::applySchema;
    private volatile Models models = Models.EMPTY;
    private volatile boolean schemaReady;
    /** Why the schema could not be brought up to date the last time it was tried; null once it was. */
    private volatile String schemaFailure;
    /** A bundle's migrations that failed and were not kept, by component: why. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    @Activate
    public JdbcRecordStore(@Reference(name = "dataSource", target = "(dataSourceName=connector)") DataSource dataSource,
            @Reference ModelRegistry registry, @Reference RecordListeners listeners) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.listeners = listeners;
        try (Connection c = dataSource.getConnection()) {
            this.database = Database.of(c);
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the connector database: " + e.getMessage(), e);
        }
        migrations.addAll(Migration.list(SCHEMA_COMPONENT, "io/connector/store/schema", database,
                JdbcRecordStore.class.getClassLoader()::getResource));
        registry.addListener(onModels);
        applySchema(registry.current());
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(onModels);
    }

    public Database database() {
        return database;
    }

    /**
     * Applies a bundle's migrations now, and keeps them with the store's own for later runs; a
     * script that fails is an error naming it, and nothing of it is recorded.
     */
    public synchronized void addMigrations(List<Migration> added) {
        migrations.addAll(added);
        schemaReady = false;
        List<String> components = added.stream().map(Migration::component).distinct().toList();
        try {
            applySchema(registry.current());
        } catch (RuntimeException e) {
            // One bundle's broken script must not keep every other transaction from starting;
            // the health check keeps saying it was refused.
            migrations.removeAll(added);
            String why = e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage();
            components.forEach(component -> refused.put(component, why));
            schemaFailure = null; // the failure was these scripts', told as refused; the rest is tried again
            throw e;
        }
        components.forEach(refused::remove);
    }

    /** Forgets a bundle's migrations (its tables and their rows stay). */
    public void removeMigrations(List<Migration> removed) {
        migrations.removeAll(removed);
        removed.stream().map(Migration::component).forEach(refused::remove);
    }

    /** What the {@code migrations} health check reports: how many migrations and models the store knows, and what is wrong. */
    public record SchemaStatus(int migrations, int models, List<String> problems) {
    }

    /**
     * The migrations known but not recorded as applied (read now), the bundles' migrations that
     * were refused, why the schema could not follow the models the last time, and the models'
     * problems; a short query.
     */
    public SchemaStatus schemaStatus() {
        List<String> problems = new ArrayList<>();
        String failure = schemaFailure;
        if (failure != null) {
            problems.add(failure);
        }
        refused.forEach((component, why) -> problems.add("The migrations of " + component + " were refused: " + why));
        List<Migration> known = List.copyOf(migrations);
        try (Connection c = dataSource.getConnection()) {
            for (Migration m : SchemaManager.notApplied(c, known)) {
                problems.add("Migration " + m.component() + " V" + m.version() + " (" + m.description() + ") is not applied");
            }
        } catch (SQLException e) {
            problems.add("Cannot read which migrations are applied: " + e.getMessage());
        }
        Models current = models;
        current.problems().forEach(problem -> problems.add("Model problem: " + problem));
        return new SchemaStatus(known.size(), current.all().size(), problems);
    }

    private synchronized void applySchema(Models next) {
        if (schemaReady && next.generation() == models.generation()) {
            return;
        }
        try {
            SchemaManager.migrate(dataSource, List.copyOf(migrations), next);
            models = next;
            schemaReady = true;
            schemaFailure = null;
            next.problems().forEach(problem -> LOG.debug("Model problem: {}", problem));
        } catch (SQLException e) {
            schemaReady = false;
            schemaFailure = "Cannot bring the connector database schema up to date: " + e.getMessage();
            throw new StoreException(schemaFailure, e);
        }
    }

    @Override
    public <T> T inTransaction(StoreWork<T> work) {
        return inStoreTransaction(tx -> work.run(tx.jdbcSession()));
    }

    @Override
    public <T> T inNewTransaction(StoreWork<T> work) {
        StoreTransaction suspended = current.get();
        current.remove();
        try {
            return inTransaction(work);
        } finally {
            if (suspended != null) {
                current.set(suspended);
            }
        }
    }

    /** SPI work: in this thread's transaction or a new one, after the hook of the transaction. */
    public <T> T inSqlTransaction(SqlWork<T> work) {
        return inStoreTransaction(tx -> {
            tx.beforeStatement();
            tx.changing();
            try {
                return work.run(tx);
            } catch (SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(StoreTransaction tx) throws Exception;
    }

    private <T> T inStoreTransaction(TransactionWork<T> work) {
        StoreTransaction outer = current.get();
        if (outer != null) {
            return joined(outer, work);
        }
        Models latest = registry.current();
        if (!schemaReady || latest.generation() != models.generation()) {
            applySchema(latest);
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("Cannot get a connection to the connector database: " + e.getMessage(), e);
        }
        StoreTransaction tx = new StoreTransaction(connection, models, listeners, database());
        current.set(tx);
        try {
            T result = run(work, tx);
            if (!tx.rollbackOnly) {
                run(ignored -> {
                    tx.runBeforeCommit();
                    return null;
                }, tx);
            }
            if (tx.rollbackOnly) {
                throw new StoreException("The transaction was rolled back: work inside it failed and the error was caught");
            }
            connection.commit();
            for (Runnable action : tx.afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("An after-commit action failed: {}", e.getMessage(), e);
                }
            }
            return result;
        } catch (RuntimeException e) {
            rollback(connection, e);
            throw e;
        } catch (SQLException e) {
            rollback(connection, e);
            throw new StoreException("Cannot commit: " + e.getMessage(), e);
        } finally {
            current.remove();
            tx.closeKept();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing a store connection failed: {}", e.getMessage());
            }
        }
    }

    /** Work nested in a running transaction: a failure dooms the whole transaction. */
    private static <T> T joined(StoreTransaction outer, TransactionWork<T> work) {
        try {
            return run(work, outer);
        } catch (RuntimeException e) {
            outer.rollbackOnly = true;
            throw e;
        }
    }

    private static <T> T run(TransactionWork<T> work, StoreTransaction tx) {
        try {
            return work.run(tx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ConnectorException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public Collection<ModelInfo> models() {
        return List.copyOf(models.all());
    }

    @Override
    public Optional<ModelInfo> model(String name) {
        return models.get(name).map(ModelInfo.class::cast);
    }

    @Override
    public List<String> modelProblems() {
        return models.problems();
    }
}
