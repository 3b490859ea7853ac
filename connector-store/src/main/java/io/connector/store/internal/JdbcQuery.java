package io.connector.store.internal;

import static io.connector.store.internal.schema.Identifiers.quote;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.Query;
import io.connector.api.store.StoreException;
import io.connector.store.internal.model.FieldDefinition;
import io.connector.store.internal.model.ModelDefinition;
import io.connector.store.internal.schema.SchemaManager;

/**
 * A search compiled to one SQL statement. Conditions on related records become sub-selects
 * ({@code parent_id IN (SELECT id FROM ... WHERE ...)}), so that a search never multiplies rows.
 */
final class JdbcQuery implements Query {

    private static final Pattern WORDS = Pattern.compile("\\s+");

    static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "in", "not in", "like", "ilike");
    private static final FieldDefinition ID = new FieldDefinition("id", Types.INTEGER, "Id", false, null, null, null, null,
            null, false, "core");
    private static final FieldDefinition CREATE_DATE = new FieldDefinition("create_date", Types.DATETIME, "Created", false,
            null, null, null, null, null, false, "core");
    private static final FieldDefinition WRITE_DATE = new FieldDefinition("write_date", Types.DATETIME, "Last written",
            false, null, null, null, null, null, false, "core");

    private sealed interface Condition permits Test, Group {
    }

    private record Test(String path, String operator, Object value) implements Condition {
    }

    private record Group(JdbcQuery query) implements Condition {
    }

    private final JdbcSession session;
    private final ModelDefinition model;
    private final List<List<Condition>> groups = new ArrayList<>(List.of(new ArrayList<>()));
    private String order = "id";
    private int limit = -1;
    private int offset;

    JdbcQuery(JdbcSession session, ModelDefinition model) {
        this.session = session;
        this.model = model;
    }

    @Override
    public Query where(String field, String operator, Object value) {
        String op = operator == null ? "" : operator.trim().toLowerCase(Locale.ROOT);
        if (!OPERATORS.contains(op)) {
            throw new StoreException("Unknown operator '" + operator + "' in a search on " + model.name() + "." + field
                    + "; operators: =, !=, <, <=, >, >=, in, not in, like, ilike");
        }
        groups.get(groups.size() - 1).add(new Test(field, op, value));
        return this;
    }

    @Override
    public Query where(Consumer<Query> group) {
        JdbcQuery nested = new JdbcQuery(session, model);
        group.accept(nested);
        groups.get(groups.size() - 1).add(new Group(nested));
        return this;
    }

    @Override
    public Query or() {
        groups.add(new ArrayList<>());
        return this;
    }

    @Override
    public Query order(String order) {
        this.order = order;
        return this;
    }

    @Override
    public Query limit(int limit) {
        this.limit = limit;
        return this;
    }

    @Override
    public Query offset(int offset) {
        this.offset = offset;
        return this;
    }

    @Override
    public List<Long> ids() {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT \"id\" FROM ").append(quote(model.table()))
                .append(" WHERE ").append(whereClause(params)).append(" ORDER BY ").append(orderClause());
        if (limit >= 0) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
        List<Long> ids = new ArrayList<>();
        session.select(sql.toString(), params, row -> ids.add(row.getLong(1)), "search " + model.name());
        return ids;
    }

    @Override
    public Optional<Long> first() {
        int saved = limit;
        limit = 1;
        try {
            List<Long> ids = ids();
            return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
        } finally {
            limit = saved;
        }
    }

    @Override
    public long count() {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT COUNT(*) FROM " + quote(model.table()) + " WHERE " + whereClause(params);
        long[] count = new long[1];
        session.select(sql, params, row -> count[0] = row.getLong(1), "count " + model.name());
        return count[0];
    }

    @Override
    public List<Map<String, Object>> read(String... fields) {
        return session.read(model.name(), ids(), List.of(fields));
    }

    String whereClause(List<Object> params) {
        List<String> alternatives = new ArrayList<>();
        for (List<Condition> group : groups) {
            List<String> all = new ArrayList<>();
            for (Condition condition : group) {
                all.add(condition instanceof Test test ? compile(model, test.path(), test.operator(), test.value(), params)
                        : "(" + ((Group) condition).query().whereClause(params) + ")");
            }
            alternatives.add(all.isEmpty() ? "1=1" : String.join(" AND ", all));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(") OR (", alternatives) + ")";
    }

    private String compile(ModelDefinition on, String path, String op, Object value, List<Object> params) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        FieldDefinition field = field(on, head);
        if (field == null && on.bindingOf().isPresent()) {
            ModelDefinition bound = session.models().require(on.bindingOf().get());
            if (field(bound, head) != null) {
                return "\"record_id\" IN (SELECT \"id\" FROM " + quote(bound.table()) + " WHERE "
                        + compile(bound, path, op, value, params) + ")";
            }
        }
        if (field == null) {
            throw new StoreException("Unknown field '" + head + "' in a search on " + on.name() + ". Fields: "
                    + String.join(", ", session.fieldNames(on)));
        }
        if (rest != null || ((field.type().equals(Types.ONE2MANY) || field.type().equals(Types.MANY2MANY)))) {
            if (!field.isRelation()) {
                throw new StoreException("Field " + on.name() + "." + head + " is not a relation; '" + path + "' cannot follow it");
            }
            ModelDefinition target = session.models().require(field.relation().get());
            String inner = rest != null ? compile(target, rest, op, value, params) : compile(target, "id", op, value, params);
            String targets = "SELECT \"id\" FROM " + quote(target.table()) + " WHERE " + inner;
            return switch (field.type()) {
                case Types.MANY2ONE -> quote(head) + " IN (" + targets + ")";
                case Types.ONE2MANY -> "\"id\" IN (SELECT " + quote(field.inverse().get()) + " FROM " + quote(target.table())
                        + " WHERE " + inner + ")";
                default -> "\"id\" IN (SELECT \"source_id\" FROM " + quote(SchemaManager.relationTable(on, field))
                        + " WHERE \"target_id\" IN (" + targets + "))";
            };
        }
        String column = quote(head);
        if (value == null && (op.equals("=") || op.equals("!="))) {
            return column + (op.equals("=") ? " IS NULL" : " IS NOT NULL");
        }
        switch (op) {
            case "in", "not in" -> {
                if (!(value instanceof Collection<?> values)) {
                    throw new StoreException("Operator '" + op + "' on " + on.name() + "." + head + " needs a list, not " + value);
                }
                if (values.isEmpty()) {
                    return op.equals("in") ? "1=0" : "1=1";
                }
                List<String> marks = new ArrayList<>();
                for (Object v : values) {
                    params.add(new Param(on.name(), field, v));
                    marks.add("?");
                }
                return column + (op.equals("in") ? " IN (" : " NOT IN (") + String.join(", ", marks) + ")";
            }
            case "like", "ilike" -> {
                if (!field.type().equals(Types.TEXT) && !field.type().equals(Types.SELECTION)) {
                    throw new StoreException("Operator '" + op + "' needs a text field; " + on.name() + "." + head
                            + " is " + field.type());
                }
                params.add(new Param(on.name(), field, String.valueOf(value)));
                return op.equals("like") ? column + " LIKE ?" : "LOWER(" + column + ") LIKE LOWER(?)";
            }
            default -> {
                params.add(new Param(on.name(), field, value));
                return column + " " + (op.equals("!=") ? "<>" : op) + " ?";
            }
        }
    }

    private static FieldDefinition field(ModelDefinition on, String name) {
        return switch (name) {
            case "id" -> ID;
            case "create_date" -> CREATE_DATE;
            case "write_date" -> WRITE_DATE;
            default -> on.definitions().get(name);
        };
    }

    private String orderClause() {
        List<String> parts = new ArrayList<>();
        for (String part : order.split(",")) {
            String[] words = WORDS.split(part.trim());
            FieldDefinition field = words[0].isEmpty() ? null : field(model, words[0]);
            boolean direction = words.length == 1 || (words.length == 2 && (words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc")));
            if (field == null || !field.stored() || !direction) {
                throw new StoreException("Cannot order " + model.name() + " by '" + part.trim()
                        + "': give stored fields of the model, each optionally followed by asc or desc");
            }
            parts.add(quote(words[0]) + (words.length == 2 ? " " + words[1].toUpperCase(Locale.ROOT) : ""));
        }
        if (parts.stream().noneMatch(p -> p.startsWith("\"id\""))) {
            parts.add("\"id\""); // a stable order for paging
        }
        return String.join(", ", parts);
    }

    /** A value to bind, converted like a write to the field it is compared with. */
    record Param(String model, FieldDefinition field, Object value) {

        private static final FieldDefinition TEXT = new FieldDefinition("value", Types.TEXT, "value", false, null,
                null, null, null, null, false, "core");

        void bind(PreparedStatement statement, int index) throws SQLException {
            // A relation compares ids; a selection any text (a value outside it matches nothing).
            FieldDefinition compared = field.isRelation() ? ID : field.type().equals(Types.SELECTION) ? TEXT : field;
            FieldCodec.bind(statement, index, compared, FieldCodec.toColumn(model, compared, value));
        }
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
