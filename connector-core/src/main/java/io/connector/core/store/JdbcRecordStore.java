package io.connector.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.connector.api.ConnectorException;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreWork;
import io.connector.core.model.ModelRegistry;
import io.connector.core.model.Models;
import io.connector.core.schema.Dialect;
import io.connector.core.schema.Migration;
import io.connector.core.schema.SchemaManager;
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
 * models: at activation, whenever a bundle with models starts, and before a transaction if the
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

    public static final String SCHEMA_COMPONENT = "io.connector.core";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRecordStore.class);

    private final DataSource dataSource;
    private final ModelRegistry registry;
    private final RecordListeners listeners;
    private final Dialect dialect;
    private final List<Migration> migrations;
    private final ThreadLocal<JdbcSession> current = new ThreadLocal<>();
    private final Consumer<Models> onModels = this::applyModels;
    private volatile Models models = Models.EMPTY;
    private volatile boolean schemaReady;

    @Activate
    public JdbcRecordStore(@Reference(name = "dataSource", target = "(dataSourceName=connector)") DataSource dataSource, @Reference ModelRegistry registry,
            @Reference RecordListeners listeners) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.listeners = listeners;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.of(c);
        } catch (SQLException e) {
            throw new StoreException("Cannot connect to the connector database: " + e.getMessage(), e);
        }
        this.migrations = Migration.list(SCHEMA_COMPONENT, "io/connector/core/schema", dialect,
                JdbcRecordStore.class.getClassLoader()::getResource);
        registry.addListener(onModels);
        applyModels(registry.current());
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(onModels);
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The models the schema was last brought to. */
    public Models currentModels() {
        return models;
    }

    private synchronized void applyModels(Models next) {
        if (schemaReady && next.generation() == models.generation()) {
            return;
        }
        try {
            SchemaManager.migrate(dataSource, migrations, next);
            models = next;
            schemaReady = true;
            next.problems().forEach(problem -> LOG.debug("Model problem: {}", problem));
        } catch (SQLException e) {
            schemaReady = false;
            throw new StoreException("Cannot bring the connector database schema up to date: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T inTransaction(StoreWork<T> work) {
        JdbcSession outer = current.get();
        if (outer != null) {
            return joined(outer, work);
        }
        Models latest = registry.current();
        if (!schemaReady || latest.generation() != models.generation()) {
            applyModels(latest);
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("Cannot get a connection to the connector database: " + e.getMessage(), e);
        }
        JdbcSession session = new JdbcSession(new JdbcSession.Transaction(connection, models, listeners), false);
        current.set(session);
        try {
            T result = run(work, session);
            if (session.transaction().rollbackOnly) {
                throw new StoreException("The transaction was rolled back: work inside it failed and the error was caught");
            }
            connection.commit();
            for (Runnable action : session.transaction().afterCommit) {
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
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing a store connection failed: {}", e.getMessage());
            }
        }
    }

    /** Work nested in a running transaction: a failure dooms the whole transaction. */
    private static <T> T joined(JdbcSession outer, StoreWork<T> work) {
        try {
            return run(work, new JdbcSession(outer.transaction(), false));
        } catch (RuntimeException e) {
            outer.transaction().rollbackOnly = true;
            throw e;
        }
    }

    private static <T> T run(StoreWork<T> work, JdbcSession session) {
        try {
            return work.run(session);
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

    /** SQL work on the connection of the current transaction, or of a new one. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws java.sql.SQLException;
    }

    public <T> T inConnection(SqlWork<T> work) {
        return inTransaction(s -> {
            try {
                ((JdbcSession) s).transaction().beforeStatement();
                return work.run(((JdbcSession) s).transaction().connection);
            } catch (java.sql.SQLException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
    }

    /**
     * After work inside the current transaction failed and was rolled back to a savepoint, lets
     * the transaction commit again (the job runner does this between the jobs of a batch).
     */
    public void clearRollbackOnly() {
        JdbcSession session = current.get();
        if (session != null) {
            session.transaction().rollbackOnly = false;
        }
    }

    /**
     * Runs {@code hook} before every statement that store work issues in the current
     * transaction, until it is replaced or cleared with null. The job runner sets a savepoint
     * this way just before a job's first statement, so that jobs that touch no table cost none.
     */
    public void beforeStatements(Runnable hook) {
        JdbcSession session = current.get();
        if (session == null) {
            throw new IllegalStateException("No store transaction on this thread");
        }
        session.transaction().beforeStatement = hook;
    }

    /**
     * Runs {@code action} once the current transaction has committed (not if it rolls back);
     * at once when there is no transaction on this thread.
     */
    public void afterCommit(Runnable action) {
        JdbcSession session = current.get();
        if (session == null) {
            action.run();
        } else {
            session.transaction().afterCommit.add(action);
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
}
