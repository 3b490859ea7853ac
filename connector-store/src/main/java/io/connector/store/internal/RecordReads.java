package io.connector.store.internal;

import static io.connector.store.internal.schema.Identifiers.quote;
import static io.connector.store.spi.Sql.marks;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.api.store.FieldInfo.Types;
import io.connector.store.internal.model.FieldDefinition;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.schema.SchemaManager;

/**
 * Records read by id: a binding's own columns and those of the record it binds, one-to-many and
 * many-to-many fields as lists of ids, in the order the ids were asked for.
 */
final class RecordReads {

    private final StoreTransaction tx;

    RecordReads(StoreTransaction tx) {
        this.tx = tx;
    }

    List<Map<String, Object>> read(String model, Collection<Long> ids, Collection<String> fields) {
        ModelDefinition m = tx.models.require(model);
        if (ids.isEmpty()) {
            return List.of();
        }
        ModelDefinition bound = m.bindingOf().map(tx.models::require).orElse(null);
        RecordWrites.checkKnown(m, fields, bound, tx.jdbcSession());
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
        for (List<Long> chunk : StoreTransaction.chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
            tx.select("SELECT " + columns + " FROM " + quote(m.table()) + " WHERE \"id\" IN (" + marks(chunk.size()) + ")",
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
        for (List<Long> chunk : StoreTransaction.chunks(List.copyOf(ids))) {
            tx.select(String.format(sql, marks(chunk.size())), new ArrayList<>(chunk),
                    row -> targets.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getLong(2)),
                    "read " + m.name() + "." + f.name());
        }
        return targets;
    }
}
