package io.connector.store.internal;

import static io.connector.store.internal.schema.Identifiers.quote;
import static io.connector.store.spi.Sql.marks;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.RecordEvent;
import io.connector.api.store.StoreException;
import io.connector.api.store.StoreSession;
import io.connector.store.internal.JdbcQuery.Param;
import io.connector.store.internal.RecordListeners.Kind;
import io.connector.store.internal.model.FieldDefinition;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.schema.Identifiers;
import io.connector.store.internal.schema.SchemaManager;
import io.connector.store.spi.Sql;

/**
 * Creates, writes and deletes records, checking every value against its field first, and fires
 * the record events. A binding's values are split: its own fields on its row, the others on the
 * record it binds, which creating the binding creates.
 */
final class RecordWrites {

    private final JdbcSession session;
    private final StoreTransaction tx;

    RecordWrites(JdbcSession session, StoreTransaction tx) {
        this.session = session;
        this.tx = tx;
    }

    // ---------------------------------------------------------------- create

    long create(String model, Map<String, Object> values) {
        return create(model, values, false);
    }

    /**
     * Creates a record; with {@code unlessBound}, a binding whose (backend, external id) another
     * transaction has bound meanwhile is not created: the row goes in with PostgreSQL's
     * {@code ON CONFLICT DO NOTHING}, the record it would have bound is deleted again, and -1 is
     * returned. That takes the place of a savepoint around the insert, which on PostgreSQL is
     * two more round trips and a subtransaction for every binding an import creates.
     */
    long create(String model, Map<String, Object> values, boolean unlessBound) {
        ModelDefinition m = tx.models.require(model);
        if (m.bindingOf().isEmpty()) {
            return insert(m, values, values, null);
        }
        ModelDefinition bound = tx.models.require(m.bindingOf().get());
        Map<String, Object> own = new LinkedHashMap<>();
        Map<String, Object> delegated = new LinkedHashMap<>();
        split(m, bound, values, own, delegated);
        Object recordId = own.get(ModelDefinition.RECORD_ID);
        if (recordId == null) {
            own.put(ModelDefinition.RECORD_ID, insert(bound, delegated, delegated, null));
        } else if (!delegated.isEmpty()) {
            update(bound, List.of(toId(m, ModelDefinition.RECORD_ID, recordId)), delegated);
        }
        Map<String, Object> heard = new LinkedHashMap<>(values);
        heard.put(ModelDefinition.RECORD_ID, own.get(ModelDefinition.RECORD_ID));
        long id = insert(m, own, heard, unlessBound ? "\"backend_id\", \"external_id\"" : null);
        if (id >= 0) {
            tx.created(m.name(), id, toId(m, ModelDefinition.RECORD_ID, own.get(ModelDefinition.RECORD_ID)));
        }
        if (id < 0 && recordId == null) {
            // Nobody saw it but this transaction; its relation rows go with it (ON DELETE CASCADE).
            tx.execute("DELETE FROM " + quote(bound.table()) + " WHERE \"id\" = ?", List.of(own.get(ModelDefinition.RECORD_ID)),
                    "delete the " + bound.name() + " of a binding another transaction made first");
            tx.forgets++;
        }
        return id;
    }

    /**
     * Inserts one row of a model's own fields and fires the create event with {@code heard};
     * with {@code conflictColumns}, nothing when a row with the same values there exists (-1).
     */
    private long insert(ModelDefinition m, Map<String, Object> values, Map<String, Object> heard, String conflictColumns) {
        checkKnown(m, values.keySet(), null, session);
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
        LocalDateTime now = Sql.now();
        List<Object> params = new ArrayList<>(List.of(now, now));
        for (Map.Entry<String, Object> e : all.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.stored()) {
                Object value = FieldCodec.toColumn(m.name(), f, e.getValue());
                columns.add(f.name());
                params.add(new Param(m.name(), f, value));
            } else if (f.type().equals(Types.ONE2MANY)) {
                throw oneToManyWrite(m, f);
            }
        }
        String sql = "INSERT INTO " + quote(m.table()) + " (" + columns.stream().map(Identifiers::quote)
                .collect(Collectors.joining(", ")) + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")"
                + (conflictColumns == null ? "" : " ON CONFLICT (" + conflictColumns + ") DO NOTHING");
        long id;
        try {
            id = tx.insert(sql, params, "create a " + m.name());
        } catch (StoreException e) {
            throw missingRelated(m, all, e);
        }
        if (id < 0) {
            return id;
        }
        for (Map.Entry<String, Object> e : all.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.type().equals(Types.MANY2MANY)) {
                setRelated(m, f, List.of(id), FieldCodec.ids(m.name(), f, e.getValue()), true);
            }
        }
        fire(Kind.CREATE, m.name(), id, heard);
        return id;
    }

    // ---------------------------------------------------------------- write

    void write(String model, Collection<Long> ids, Map<String, Object> values) {
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
        if (own.containsKey(ModelDefinition.RECORD_ID)) {
            tx.rebound(m.name(), distinct);
        }
        if (!delegated.isEmpty()) {
            List<Long> records = new ArrayList<>();
            for (Map<String, Object> binding : session.read(model, distinct, List.of(ModelDefinition.RECORD_ID))) {
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
        checkKnown(m, values.keySet(), null, session);
        List<String> sets = new ArrayList<>(List.of("\"write_date\" = ?"));
        List<Object> params = new ArrayList<>(List.of(Sql.now()));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.required() && e.getValue() == null) {
                throw new StoreException("Missing required value for " + m.name() + "." + f.name() + " (" + f.label()
                        + "): it cannot be emptied");
            }
            if (f.stored()) {
                Object value = FieldCodec.toColumn(m.name(), f, e.getValue());
                sets.add(quote(f.name()) + " = ?");
                params.add(new Param(m.name(), f, value));
            } else if (f.type().equals(Types.ONE2MANY)) {
                throw oneToManyWrite(m, f);
            }
        }
        int updated = 0;
        for (List<Long> chunk : StoreTransaction.chunks(ids)) {
            List<Object> chunkParams = new ArrayList<>(params);
            chunkParams.addAll(chunk);
            try {
                updated += tx.execute("UPDATE " + quote(m.table()) + " SET " + String.join(", ", sets) + " WHERE \"id\" IN ("
                        + marks(chunk.size()) + ")", chunkParams, "write " + m.name());
            } catch (StoreException e) {
                throw missingRelated(m, values, e);
            }
        }
        if (updated < ids.size()) {
            throw missing(m, ids);
        }
        for (Map.Entry<String, Object> e : values.entrySet()) {
            FieldDefinition f = m.definitions().get(e.getKey());
            if (f.type().equals(Types.MANY2MANY)) {
                setRelated(m, f, ids, FieldCodec.ids(m.name(), f, e.getValue()), false);
            }
        }
    }

    // ---------------------------------------------------------------- delete

    void delete(String model, long id) {
        ModelDefinition m = tx.models.require(model);
        if (session.query(model).where("id", "=", id).count() == 0) {
            throw missing(m, List.of(id));
        }
        fire(Kind.UNLINK, model, id, Map.of());
        tx.forgets++;
        tx.execute("DELETE FROM " + quote(m.table()) + " WHERE \"id\" = ?", List.of(id), "delete " + m.name() + " " + id);
    }

    // ---------------------------------------------------------------- checks and relations

    private void split(ModelDefinition binding, ModelDefinition bound, Map<String, Object> values,
            Map<String, Object> own, Map<String, Object> delegated) {
        checkKnown(binding, values.keySet(), bound, session);
        values.forEach((field, value) -> (binding.definitions().containsKey(field) ? own : delegated).put(field, value));
    }

    /** Every name a field of the model (or of the model it binds, when given). */
    static void checkKnown(ModelDefinition m, Collection<String> names, ModelDefinition bound, JdbcSession session) {
        for (String name : names) {
            if (!m.definitions().containsKey(name) && (bound == null || !bound.definitions().containsKey(name))) {
                throw new StoreException("Unknown field '" + name + "' of model " + m.name() + ". Fields: "
                        + String.join(", ", session.fieldNames(m)));
            }
        }
    }

    /**
     * The database's foreign keys, not a query per many-to-one before each write, check that a
     * related record exists: a refusal names its constraint ({@code fk_TABLE_FIELD}, as the schema
     * made it), from which the field and the value written are told back. Any other failure is
     * returned as it is.
     */
    private static StoreException missingRelated(ModelDefinition m, Map<String, Object> values, StoreException e) {
        if (!(e.getCause() instanceof SQLException sql) || !refersToMissing(sql) || sql.getMessage() == null) {
            return e;
        }
        String message = sql.getMessage().toLowerCase(Locale.ROOT);
        for (FieldDefinition f : m.definitions().values()) {
            if (f.type().equals(Types.MANY2ONE) && values.containsKey(f.name())
                    && message.contains(SchemaManager.foreignKey(m.table(), f.name()).toLowerCase(Locale.ROOT))) {
                return new StoreException("Invalid value for " + m.name() + "." + f.name() + ": " + f.relation().get() + " "
                        + FieldCodec.toColumn(m.name(), f, values.get(f.name())) + " does not exist", e.getCause());
            }
        }
        return e;
    }

    /**
     * Sets a many-to-many's pairs: those of records just created need no delete first, and the
     * relation table's foreign key, not a count before, checks that the targets exist; the pairs
     * of a record go in one statement.
     */
    private void setRelated(ModelDefinition m, FieldDefinition f, List<Long> ids, List<Long> targets, boolean created) {
        Set<Long> distinct = new LinkedHashSet<>(targets);
        String relation = quote(SchemaManager.relationTable(m, f));
        if (!created) {
            for (List<Long> chunk : StoreTransaction.chunks(ids)) {
                tx.execute("DELETE FROM " + relation + " WHERE \"source_id\" IN (" + marks(chunk.size()) + ")",
                        new ArrayList<>(chunk), "write " + m.name() + "." + f.name());
            }
        }
        if (distinct.isEmpty()) {
            return;
        }
        String pairs = String.join(", ", Collections.nCopies(distinct.size(), "(?, ?)"));
        for (Long id : ids) {
            List<Object> params = new ArrayList<>(2 * distinct.size());
            for (Long targetId : distinct) {
                params.add(id);
                params.add(targetId);
            }
            try {
                tx.execute("INSERT INTO " + relation + " (\"source_id\", \"target_id\") VALUES " + pairs, params,
                        "write " + m.name() + "." + f.name());
            } catch (StoreException e) {
                if (e.getCause() instanceof SQLException sql && refersToMissing(sql)) {
                    throw new StoreException("Invalid value for " + m.name() + "." + f.name() + ": some of "
                            + f.relation().get() + " " + distinct + " do not exist", sql);
                }
                throw e;
            }
        }
    }

    /** A foreign key refused a missing target: PostgreSQL says 23503 for any refusal, H2 23506 for this one. */
    private static boolean refersToMissing(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    private Long toId(ModelDefinition m, String field, Object value) {
        return (Long) FieldCodec.toColumn(m.name(), m.definitions().get(field), value);
    }

    private static StoreException oneToManyWrite(ModelDefinition m, FieldDefinition f) {
        return new StoreException("Field " + m.name() + "." + f.name() + " is a one2many: set "
                + f.relation().get() + "." + f.inverse().get() + " on the related records instead");
    }

    private StoreException missing(ModelDefinition m, Collection<Long> ids) {
        Set<Long> found = new LinkedHashSet<>(session.query(m.name()).where("id", "in", ids).ids());
        List<Long> absent = ids.stream().filter(id -> !found.contains(id)).toList();
        return new StoreException("No " + m.name() + " record with id " + (absent.size() == 1 ? absent.get(0) : absent));
    }

    // ---------------------------------------------------------------- events

    private void fire(Kind kind, String model, long id, Map<String, Object> values) {
        tx.listeners.fire(kind, new Event(model, id, Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                session.isNoExport(), session));
    }

    private void fireAll(Kind kind, String model, List<Long> ids, Map<String, Object> values) {
        for (Long id : ids) {
            fire(kind, model, id, values);
        }
    }

    private record Event(String model, long id, Map<String, Object> values, boolean noExport, StoreSession session)
            implements RecordEvent {
    }
}
