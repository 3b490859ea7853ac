package io.connector.core.store;

import static io.connector.core.schema.Dialect.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.Query;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreSession;
import io.connector.core.model.FieldDefinition;
import io.connector.core.model.ModelDefinition;
import io.connector.core.model.Models;
import io.connector.core.schema.Dialect;
import io.connector.core.schema.SchemaManager;
import io.connector.core.store.JdbcQuery.Param;
import io.connector.core.store.JdbcQuery.RowReader;
import io.connector.core.store.RecordListeners.Kind;

/** The store in one JDBC transaction. Not thread-safe: a transaction belongs to one thread. */
final class JdbcSession implements StoreSession {

    /** Ids in one {@code IN (...)} list at most, well below what both databases take. */
    private static final int CHUNK = 500;

    /** What a session and its "no export" view share. */
    static final class Transaction {
        final Connection connection;
        final Models models;
        final RecordListeners listeners;
        final List<Runnable> afterCommit = new ArrayList<>();
        boolean rollbackOnly;
        /** Run before each statement while set: the job runner's lazy savepoint. */
        Runnable beforeStatement;

        void beforeStatement() {
            Runnable hook = beforeStatement;
            if (hook != null) {
                hook.run();
            }
        }

        Transaction(Connection connection, Models models, RecordListeners listeners) {
            this.connection = connection;
            this.models = models;
            this.listeners = listeners;
        }
    }

    private final Transaction tx;
    private final boolean noExport;

    JdbcSession(Transaction tx, boolean noExport) {
        this.tx = tx;
        this.noExport = noExport;
    }

    Transaction transaction() {
        return tx;
    }

    Models models() {
        return tx.models;
    }

    @Override
    public StoreSession noExport() {
        return noExport ? this : new JdbcSession(tx, true);
    }

    @Override
    public boolean isNoExport() {
        return noExport;
    }

    // ---------------------------------------------------------------- create

    @Override
    public long create(String model, Map<String, Object> values) {
        ModelDefinition m = tx.models.require(model);
        if (m.bindingOf().isEmpty()) {
            return insert(m, values, values);
        }
        ModelDefinition bound = tx.models.require(m.bindingOf().get());
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> delegated = new LinkedHashMap<>();
        split(m, bound, values, own, delegated);
        Object recordId = own.get(ModelDefinition.RECORD_ID);
        if (recordId == null) {
            own.put(ModelDefinition.RECORD_ID, insert(bound, delegated, delegated));
        } else if (!delegated.isEmpty()) {
            update(bound, List.of(toId(m, ModelDefinition.RECORD_ID, recordId)), delegated);
        }
        Map<String, Object> heard = new LinkedHashMap<>(values);
        heard.put(ModelDefinition.RECORD_ID, own.get(ModelDefinition.RECORD_ID));
        return insert(m, own, heard);
    }

    /** Inserts one row of a model's own fields and fires the create event with {@code heard}. */
    private long insert(ModelDefinition m, Map<String, Object> values, Map<String, Object> heard) {
        checkKnown(m, values.keySet(), null);
        Map<String, Object> all = new LinkedHashMap<>();
        m.definitions().values().forEach(f -> {
            if (f.defaultValue() != null) {
                all.put(f.name(), f.defaultValue());
            }
        });
        all.putAll(values);
        for (FieldDefinition f : m.definitions().values()) {
            if (f.required() && all.get(f.name()) == null) {
                throw new StoreException("Missing required value for " + m.name() + "." + f.name() + " (" + f.label() + ")");
            }
        }
        List<String> columns = new ArrayList<>(List.of("create_date", "write_date"));
        LocalDateTime now = now();
        List<Object> params = new ArrayList<>(List.of(now, now));
        for (Map.Entry<String, Object> e : all.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.stored()) {
                Object value = FieldCodec.toColumn(m.name(), f, e.getValue());
                checkRelated(m, f, value);
                columns.add(f.name());
                params.add(new Param(m.name(), f, value));
            } else if (f.type().equals(Types.ONE2MANY)) {
                throw oneToManyWrite(m, f);
            }
        }
        String sql = "INSERT INTO " + quote(m.table()) + " (" + columns.stream().map(Dialect::quote)
                .collect(Collectors.joining(", ")) + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        long id;
        tx.beforeStatement();
        try (PreparedStatement insert = tx.connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bindAll(insert, params);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong("id");
            }
        } catch (SQLException e) {
            throw failure("create a " + m.name(), e);
        }
        for (Map.Entry<String, Object> e : all.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.type().equals(Types.MANY2MANY)) {
                setRelated(m, f, List.of(id), FieldCodec.ids(m.name(), f, e.getValue()));
            }
        }
        fire(Kind.CREATE, m.name(), id, heard);
        return id;
    }

    // ---------------------------------------------------------------- write

    @Override
    public void write(String model, long id, Map<String, Object> values) {
        write(model, List.of(id), values);
    }

    @Override
    public void write(String model, Collection<Long> ids, Map<String, Object> values) {
        ModelDefinition m = tx.models.require(model);
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.isEmpty()) {
            return;
        }
        if (m.bindingOf().isEmpty()) {
            update(m, distinct, values);
            fireAll(Kind.WRITE, m.name(), distinct, values);
            return;
        }
        ModelDefinition bound = tx.models.require(m.bindingOf().get());
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> delegated = new LinkedHashMap<>();
        split(m, bound, values, own, delegated);
        if (!delegated.isEmpty()) {
            List<Long> records = new ArrayList<>();
            for (Map<String, Object> binding : read(model, distinct, List.of(ModelDefinition.RECORD_ID))) {
                records.add((Long) binding.get(ModelDefinition.RECORD_ID));
            }
            if (records.size() < distinct.size()) {
                throw missing(m, distinct);
            }
            update(bound, records, delegated);
            fireAll(Kind.WRITE, bound.name(), records, delegated);
        }
        update(m, distinct, own);
        fireAll(Kind.WRITE, m.name(), distinct, values);
    }

    /** Updates a model's own fields (and its write date) on existing rows. */
    private void update(ModelDefinition m, List<Long> ids, Map<String, Object> values) {
        checkKnown(m, values.keySet(), null);
        List<String> sets = new ArrayList<>(List.of("\"write_date\" = ?"));
        List<Object> params = new ArrayList<>(List.of(now()));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.required() && e.getValue() == null) {
                throw new StoreException("Missing required value for " + m.name() + "." + f.name() + " (" + f.label()
                        + "): it cannot be emptied");
            }
            if (f.stored()) {
                Object value = FieldCodec.toColumn(m.name(), f, e.getValue());
                checkRelated(m, f, value);
                sets.add(quote(f.name()) + " = ?");
                params.add(new Param(m.name(), f, value));
            } else if (f.type().equals(Types.ONE2MANY)) {
                throw oneToManyWrite(m, f);
            }
        }
        int updated = 0;
        for (List<Long> chunk : chunks(ids)) {
            List<Object> chunkParams = new ArrayList<>(params);
            chunkParams.addAll(chunk);
            updated += execute("UPDATE " + quote(m.table()) + " SET " + String.join(", ", sets) + " WHERE \"id\" IN ("
                    + marks(chunk.size()) + ")", chunkParams, "write " + m.name());
        }
        if (updated < ids.size()) {
            throw missing(m, ids);
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.type().equals(Types.MANY2MANY)) {
                setRelated(m, f, ids, FieldCodec.ids(m.name(), f, e.getValue()));
            }
        }
    }

    // ---------------------------------------------------------------- read

    @Override
    public Optional<Map<String, Object>> read(String model, long id) {
        List<Map<String, Object>> rows = read(model, List.of(id), List.of());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public List<Map<String, Object>> read(String model, Collection<Long> ids, Collection<String> fields) {
        ModelDefinition m = tx.models.require(model);
        if (ids.isEmpty()) {
            return List.of();
        }
        ModelDefinition bound = m.bindingOf().map(tx.models::require).orElse(null);
        checkKnown(m, fields, bound);
        Set<String> wanted = new LinkedHashSet<>(fields);
        boolean all = wanted.isEmpty();
        List<String> own = new ArrayList<>();
        List<String> delegated = new ArrayList<>();
        for (String field : m.definitions().keySet()) {
            if (all || wanted.contains(field)) {
                own.add(field);
            }
        }
        if (bound != null) {
            for (String field : bound.definitions().keySet()) {
                if (all || wanted.contains(field)) {
                    delegated.add(field);
                }
            }
            if (!delegated.isEmpty() && !own.contains(ModelDefinition.RECORD_ID)) {
                own.add(ModelDefinition.RECORD_ID);
            }
        }
        Map<Long, Map<String, Object>> rows = readOwn(m, ids, own, all);
        if (bound != null && !delegated.isEmpty()) {
            Map<Long, Long> recordOf = new HashMap<>();
            rows.forEach((id, row) -> recordOf.put(id, (Long) row.get(ModelDefinition.RECORD_ID)));
            Map<Long, Map<String, Object>> records = readOwn(bound, recordOf.values(), delegated, false);
            rows.forEach((id, row) -> {
                Map<String, Object> record = records.get(recordOf.get(id));
                if (record != null) {
                    delegated.forEach(field -> row.put(field, record.get(field)));
                }
            });
            if (!all && !wanted.contains(ModelDefinition.RECORD_ID)) {
                rows.values().forEach(row -> row.remove(ModelDefinition.RECORD_ID));
            }
        }
        List<Map<String, Object>> ordered = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            Map<String, Object> row = rows.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private Map<Long, Map<String, Object>> readOwn(ModelDefinition m, Collection<Long> ids, List<String> fields,
            boolean withDates) {
        List<FieldDefinition> stored = new ArrayList<>();
        List<FieldDefinition> related = new ArrayList<>();
        for (String name : fields) {
            FieldDefinition f = m.definitions().get(name);
            (f.stored() ? stored : related).add(f);
        }
        StringBuilder columns = new StringBuilder("\"id\"");
        if (withDates) {
            columns.append(", \"create_date\", \"write_date\"");
        }
        stored.forEach(f -> columns.append(", ").append(quote(f.name())));
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
            select("SELECT " + columns + " FROM " + quote(m.table()) + " WHERE \"id\" IN (" + marks(chunk.size()) + ")",
                    new ArrayList<>(chunk), row -> {
                        Map<String, Object> values = new LinkedHashMap<>();
                        long id = row.getLong("id");
                        values.put("id", id);
                        if (withDates) {
                            values.put("create_date", row.getObject("create_date", LocalDateTime.class));
                            values.put("write_date", row.getObject("write_date", LocalDateTime.class));
                        }
                        for (FieldDefinition f : stored) {
                            values.put(f.name(), FieldCodec.fromColumn(f, row, f.name()));
                        }
                        rows.put(id, values);
                    }, "read " + m.name());
        }
        for (FieldDefinition f : related) {
            Map<Long, List<Long>> targets = related(m, f, rows.keySet());
            rows.forEach((id, values) -> values.put(f.name(), targets.getOrDefault(id, List.of())));
        }
        return rows;
    }

    /** Ids of the related records of a one-to-many or many-to-many, per source id. */
    private Map<Long, List<Long>> related(ModelDefinition m, FieldDefinition f, Collection<Long> ids) {
        Map<Long, List<Long>> targets = new HashMap<>();
        if (ids.isEmpty()) {
            return targets;
        }
        String sql = f.type().equals(Types.ONE2MANY)
                ? "SELECT " + quote(f.inverse().get()) + ", \"id\" FROM " + quote(ModelDefinition.tableOf(f.relation().get()))
                        + " WHERE " + quote(f.inverse().get()) + " IN (%s) ORDER BY \"id\""
                : "SELECT \"source_id\", \"target_id\" FROM " + quote(SchemaManager.relationTable(m, f))
                        + " WHERE \"source_id\" IN (%s) ORDER BY \"target_id\"";
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            select(String.format(sql, marks(chunk.size())), new ArrayList<>(chunk),
                    row -> targets.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getLong(2)),
                    "read " + m.name() + "." + f.name());
        }
        return targets;
    }

    @Override
    public Query query(String model) {
        return new JdbcQuery(this, tx.models.require(model));
    }

    // ---------------------------------------------------------------- delete

    @Override
    public void delete(String model, long id) {
        ModelDefinition m = tx.models.require(model);
        if (query(model).where("id", "=", id).count() == 0) {
            throw missing(m, List.of(id));
        }
        fire(Kind.UNLINK, model, id, Map.of());
        execute("DELETE FROM " + quote(m.table()) + " WHERE \"id\" = ?", List.of(id), "delete " + m.name() + " " + id);
    }

    // ---------------------------------------------------------------- bindings

    @Override
    public long upsertBinding(String bindingModel, String backendId, String externalId, Map<String, Object> values) {
        ModelDefinition m = tx.models.require(bindingModel);
        if (m.bindingOf().isEmpty() && !(m.definitions().containsKey(ModelDefinition.BACKEND_ID)
                && m.definitions().containsKey(ModelDefinition.EXTERNAL_ID))) {
            throw new StoreException(bindingModel + " is not a binding model: it binds no model and has no backend_id "
                    + "and external_id");
        }
        boolean stampsSync = m.definitions().containsKey(ModelDefinition.SYNC_DATE);
        if (backendId == null || externalId == null) {
            throw new StoreException("A binding of " + bindingModel + " needs a backend id and an external id");
        }
        Map<String, Object> withSync = new LinkedHashMap<>(values);
        if (stampsSync) {
            withSync.put(ModelDefinition.SYNC_DATE, now());
        }
        Optional<Long> existing = findBinding(bindingModel, backendId, externalId);
        if (existing.isPresent()) {
            write(bindingModel, existing.get(), withSync);
            return existing.get();
        }
        Map<String, Object> created = new LinkedHashMap<>(withSync);
        created.put(ModelDefinition.BACKEND_ID, backendId);
        created.put(ModelDefinition.EXTERNAL_ID, externalId);
        Savepoint savepoint;
        tx.beforeStatement();
        try {
            savepoint = tx.connection.setSavepoint();
        } catch (SQLException e) {
            throw failure("bind " + bindingModel + " " + externalId, e);
        }
        try {
            long id = create(bindingModel, created);
            release(savepoint);
            return id;
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !Dialect.isUniqueViolation(sql)) {
                throw e;
            }
            // Another transaction bound the same external id first: ours becomes an update of it.
            rollback(savepoint);
            long id = findBinding(bindingModel, backendId, externalId).orElseThrow(() -> e);
            write(bindingModel, id, withSync);
            return id;
        }
    }

    @Override
    public boolean tryLock(String key) {
        int bucket = Math.floorMod(fnv1a(key), 4096);
        tx.beforeStatement();
        // SKIP LOCKED, not NOWAIT: a row held by another transaction is left out, so a refusal is
        // an empty result rather than an error. H2 reports NOWAIT's refusal as a lock timeout
        // (SQLTimeoutException), which makes HikariCP evict the connection and with it the job's
        // whole transaction; and on PostgreSQL an error would end the transaction.
        try (PreparedStatement lock = tx.connection.prepareStatement(
                "SELECT \"bucket\" FROM \"connector_lock\" WHERE \"bucket\" = ? FOR UPDATE SKIP LOCKED")) {
            lock.setInt(1, bucket);
            try (ResultSet row = lock.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw failure("lock " + key, e);
        }
    }

    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private Optional<Long> findBinding(String bindingModel, String backendId, String externalId) {
        return query(bindingModel).where(ModelDefinition.BACKEND_ID, "=", backendId)
                .where(ModelDefinition.EXTERNAL_ID, "=", externalId).first();
    }

    private void release(Savepoint savepoint) {
        try {
            tx.connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            // Releasing is an optimisation; the savepoint ends with the transaction anyway.
        }
    }

    private void rollback(Savepoint savepoint) {
        try {
            tx.connection.rollback(savepoint);
        } catch (SQLException e) {
            throw failure("roll back to a savepoint", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void split(ModelDefinition binding, ModelDefinition bound, Map<String, Object> values,
            Map<String, Object> own, Map<String, Object> delegated) {
        checkKnown(binding, values.keySet(), bound);
        values.forEach((field, value) -> (binding.definitions().containsKey(field) ? own : delegated).put(field, value));
    }

    /** Every name a field of the model (or of the model it binds, when given). */
    private void checkKnown(ModelDefinition m, Collection<String> names, ModelDefinition bound) {
        for (String name : names) {
            if (!m.definitions().containsKey(name) && (bound == null || !bound.definitions().containsKey(name))) {
                throw new StoreException("Unknown field '" + name + "' of model " + m.name() + ". Fields: "
                        + String.join(", ", fieldNames(m)));
            }
        }
    }

    List<String> fieldNames(ModelDefinition m) {
        List<String> names = new ArrayList<>(m.definitions().keySet());
        m.bindingOf().flatMap(tx.models::get).ifPresent(bound -> names.addAll(bound.definitions().keySet()));
        return names;
    }

    private void checkRelated(ModelDefinition m, FieldDefinition f, Object id) {
        if (!f.type().equals(Types.MANY2ONE) || id == null) {
            return;
        }
        ModelDefinition target = tx.models.require(f.relation().get());
        List<Long> found = new ArrayList<>();
        select("SELECT \"id\" FROM " + quote(target.table()) + " WHERE \"id\" = ?", List.of(id),
                row -> found.add(row.getLong(1)), "check " + target.name());
        if (found.isEmpty()) {
            throw new StoreException("Invalid value for " + m.name() + "." + f.name() + ": " + target.name() + " " + id
                    + " does not exist");
        }
    }

    private void setRelated(ModelDefinition m, FieldDefinition f, List<Long> ids, List<Long> targets) {
        ModelDefinition target = tx.models.require(f.relation().get());
        Set<Long> distinct = new LinkedHashSet<>(targets);
        if (!distinct.isEmpty()) {
            long found = query(target.name()).where("id", "in", distinct).count();
            if (found < distinct.size()) {
                throw new StoreException("Invalid value for " + m.name() + "." + f.name() + ": some of " + target.name()
                        + " " + distinct + " do not exist");
            }
        }
        String relation = quote(SchemaManager.relationTable(m, f));
        for (List<Long> chunk : chunks(ids)) {
            execute("DELETE FROM " + relation + " WHERE \"source_id\" IN (" + marks(chunk.size()) + ")",
                    new ArrayList<>(chunk), "write " + m.name() + "." + f.name());
        }
        for (Long id : ids) {
            for (Long targetId : distinct) {
                execute("INSERT INTO " + relation + " (\"source_id\", \"target_id\") VALUES (?, ?)", List.of(id, targetId),
                        "write " + m.name() + "." + f.name());
            }
        }
    }

    private Long toId(ModelDefinition m, String field, Object value) {
        return (Long) FieldCodec.toColumn(m.name(), m.definitions().get(field), value);
    }

    private static StoreException oneToManyWrite(ModelDefinition m, FieldDefinition f) {
        return new StoreException("Field " + m.name() + "." + f.name() + " is a one2many: set "
                + f.relation().get() + "." + f.inverse().get() + " on the related records instead");
    }

    private StoreException missing(ModelDefinition m, Collection<Long> ids) {
        Set<Long> found = new LinkedHashSet<>(query(m.name()).where("id", "in", ids).ids());
        List<Long> absent = ids.stream().filter(id -> !found.contains(id)).toList();
        return new StoreException("No " + m.name() + " record with id " + (absent.size() == 1 ? absent.get(0) : absent));
    }

    private void fire(Kind kind, String model, long id, Map<String, Object> values) {
        tx.listeners.fire(kind, new Event(model, id, Collections.unmodifiableMap(new LinkedHashMap<>(values)), noExport, this));
    }

    private void fireAll(Kind kind, String model, List<Long> ids, Map<String, Object> values) {
        for (Long id : ids) {
            fire(kind, model, id, values);
        }
    }

    private record Event(String model, long id, Map<String, Object> values, boolean noExport, StoreSession session)
            implements RecordEvent {
    }

    void select(String sql, List<Object> params, RowReader reader, String what) {
        tx.beforeStatement();
        try (PreparedStatement statement = tx.connection.prepareStatement(sql)) {
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

    private int execute(String sql, List<Object> params, String what) {
        tx.beforeStatement();
        try (PreparedStatement statement = tx.connection.prepareStatement(sql)) {
            bindAll(statement, params);
            return statement.executeUpdate();
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

    private StoreException failure(String what, SQLException e) {
        String message = Dialect.isIntegrityViolation(e) && "23503".equals(e.getSQLState())
                ? "Cannot " + what + ": other records refer to it or it refers to a missing record (" + e.getMessage() + ")"
                : "Cannot " + what + ": " + e.getMessage();
        return new StoreException(message, e);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** Write dates in UTC, to the microsecond both databases keep. */
    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
