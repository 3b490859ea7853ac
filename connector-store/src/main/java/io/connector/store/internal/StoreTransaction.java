package io.connector.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.connector.api.ConnectorException;
import io.connector.api.store.SavepointNeededException;
import io.connector.api.store.StoreConflictException;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreSession;
import io.connector.api.store.StoreWork;
import io.connector.store.internal.JdbcQuery.Param;
import io.connector.store.internal.JdbcQuery.RowReader;
import io.connector.store.internal.model.Models;
import io.connector.store.spi.Database;
import io.connector.store.spi.SqlTransaction;

/**
 * One JDBC transaction of the store: its connection, the models it was opened with, what runs
 * after it commits, whether work inside it failed, and the statements every part of the store
 * issues through it. Belongs to one thread.
 */
final class StoreTransaction implements SqlTransaction {

    final Connection connection;
    final Models models;
    final RecordListeners listeners;
    final Database database;
    final List<Runnable> afterCommit = new ArrayList<>();
    /** What {@code collectUntilCommit} keeps, by key, in the order first asked for, with what runs before the commit. */
    private final java.util.Map<String, Collected<?>> collected = new java.util.LinkedHashMap<>();

    private record Collected<T>(T value, java.util.function.Consumer<T> beforeCommit) {
        void run() {
            beforeCommit.accept(value);
        }
    }
    boolean rollbackOnly;
    /**
     * How many times work inside was undone (a savepoint rolled back) or a record deleted: what
     * was looked up before may be gone since, so lookups remembered with an older count are not
     * used ({@link SessionMarks}).
     */
    long forgets;
    /**
     * The bindings this transaction created, by model and binding id, with the record each binds;
     * good while {@link #forgets} is {@link #boundAt} (no savepoint rolled back, nothing deleted
     * since). An import creates a customer's binding and at once needs its partner for the
     * addresses: read here, not from the database.
     */
    private final java.util.Map<String, java.util.Map<Long, Long>> boundRecords = new java.util.HashMap<>();
    private long boundAt;
    /**
     * Statements that changed, or may have changed, the database: every insert, update and delete
     * of the store, and every piece of SPI work (the job queue's rows), counted before they run.
     * {@link #withoutSavepoint} tells by it whether failed work left something behind.
     */
    private long changes;
    /** Run before each statement while set: the job runner's lazy savepoint. */
    private Runnable beforeStatement;
    /** Statements kept prepared until the transaction ends ({@link #kept}). */
    private final java.util.Map<String, PreparedStatement> kept = new java.util.HashMap<>();
    private final JdbcSession session;

    StoreTransaction(Connection connection, Models models, RecordListeners listeners, Database database) {
        this.connection = connection;
        this.models = models;
        this.listeners = listeners;
        this.database = database;
        this.session = new JdbcSession(this, false);
    }

    // ---------------------------------------------------------------- SPI

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public StoreSession session() {
        return session;
    }

    JdbcSession jdbcSession() {
        return session;
    }

    @SuppressWarnings("unchecked")
    <T> T collect(String key, java.util.function.Supplier<T> create, java.util.function.Consumer<T> beforeCommit) {
        Collected<?> found = collected.get(key);
        if (found == null) {
            found = new Collected<>(create.get(), beforeCommit);
            collected.put(key, found);
        }
        return (T) found.value();
    }

    /** Runs what was collected, each once, in order; what one collects meanwhile runs after it. */
    void runBeforeCommit() {
        while (!collected.isEmpty()) {
            String key = collected.keySet().iterator().next();
            collected.remove(key).run();
        }
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    @Override
    public void beforeStatements(Runnable hook) {
        beforeStatement = hook;
    }

    @Override
    public void clearRollbackOnly() {
        rollbackOnly = false;
    }

    void created(String bindingModel, long bindingId, long recordId) {
        boundRecords(bindingModel).put(bindingId, recordId);
    }

    /** A created binding's record ({@link #boundRecords}), or null when this transaction did not create it. */
    Long boundRecord(String bindingModel, long bindingId) {
        return boundRecords(bindingModel).get(bindingId);
    }

    /** A binding's record changes: it is read from the database again. */
    void rebound(String bindingModel, java.util.Collection<Long> bindingIds) {
        boundRecords(bindingModel).keySet().removeAll(bindingIds);
    }

    private java.util.Map<Long, Long> boundRecords(String bindingModel) {
        if (boundAt != forgets) {
            boundRecords.clear();
            boundAt = forgets;
        }
        return boundRecords.computeIfAbsent(bindingModel, m -> new java.util.HashMap<>());
    }

    /**
     * A statement prepared once for the rest of the transaction. For those H2 does not keep parsed
     * in its query cache, which leaves out every {@code SELECT ... FOR UPDATE}: a chunk's record
     * locks were parsed and planned once per record, 5% of Karaf's CPU in an H2 import.
     */
    PreparedStatement kept(String sql) throws SQLException {
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        }
        return statement;
    }

    /** Closes the statements {@link #kept} kept, before the connection goes back to the pool. */
    void closeKept() {
        for (PreparedStatement statement : kept.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // The pool closes what its connection still has open anyway.
            }
        }
        kept.clear();
    }

    void beforeStatement() {
        Runnable hook = beforeStatement;
        if (hook != null) {
            hook.run();
        }
    }

    /**
     * {@link StoreSession#inSavepoint}: a failure rolls back to the savepoint and also undoes
     * what the failed work did to the transaction itself (its after-commit actions, the doom a
     * failed nested transaction set), so that the transaction can still commit.
     */
    <T> T inSavepoint(StoreWork<T> work, StoreSession session) {
        beforeStatement();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw failure("set a savepoint", e);
        }
        boolean doomedBefore = rollbackOnly;
        int actionsBefore = afterCommit.size();
        try {
            T result = work.run(session);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (Exception e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException again) {
                e.addSuppressed(again);
                throw new StoreException("Cannot roll back to a savepoint after: " + e.getMessage(), e);
            }
            rollbackOnly = doomedBefore;
            forgets++;
            afterCommit.subList(actionsBefore, afterCommit.size()).clear();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * {@link StoreSession#withoutSavepoint}: a failure that left the database as it was is undone
     * in memory as {@link #inSavepoint} undoes it; one that changed it, or whose statement failed
     * (PostgreSQL then refuses every statement until a rollback), dooms the transaction and says
     * a savepoint was needed.
     */
    <T> T withoutSavepoint(StoreWork<T> work, StoreSession session) {
        long changesBefore = changes;
        boolean doomedBefore = rollbackOnly;
        int actionsBefore = afterCommit.size();
        try {
            return work.run(session);
        } catch (Exception e) {
            if (changes != changesBefore || causedBySql(e)) {
                rollbackOnly = true;
                throw new SavepointNeededException("Work without a savepoint failed after it changed the database: "
                        + e.getMessage(), e);
            }
            rollbackOnly = doomedBefore;
            afterCommit.subList(actionsBefore, afterCommit.size()).clear();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** A statement that changes the database, or SPI work that may, is about to run. */
    void changing() {
        changes++;
    }

    // ---------------------------------------------------------------- statements

    void select(String sql, List<Object> params, RowReader reader, String what) {
        beforeStatement();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    int execute(String sql, List<Object> params, String what) {
        beforeStatement();
        changes++;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * An insert of one row, returning its generated id; -1 when it inserted none (an
     * {@code ON CONFLICT DO NOTHING} that met a conflict).
     */
    long insert(String sql, List<Object> params, String what) {
        beforeStatement();
        changes++;
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindAll(insert, params);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong("id") : -1;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void bindAll(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object param = params.get(i);
            if (param instanceof Param p) {
                p.bind(statement, i + 1);
            } else {
                statement.setObject(i + 1, param);
            }
        }
    }

    /** Ids in one {@code IN (...)} list at most, well below what both databases take. */
    private static final int CHUNK = 500;

    /** Ids in lists short enough for one {@code IN (...)} each. */
    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    static RuntimeException failure(String what, SQLException e) {
        if (Database.isConflict(e)) {
            return new StoreConflictException("Cannot " + what + ": the database ended it to resolve a conflict with another "
                    + "transaction (" + e.getMessage() + "); it succeeds when run again", e);
        }
        String message = Database.isIntegrityViolation(e) && "23503".equals(e.getSQLState())
                ? "Cannot " + what + ": other records refer to it or it refers to a missing record (" + e.getMessage() + ")"
                : "Cannot " + what + ": " + e.getMessage();
        return new StoreException(message, e);
    }
}
