package io.connector.core.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;

/**
 * What {@code connector:records} asks of a model: its {@code --where} conditions, their values
 * converted to the types of their fields, and the fields to show. A binding model also has the
 * fields of the record it binds, as the store reads them. Kept apart from the command so that
 * the parsing is tested without a shell.
 */
final class RecordsQuery {

    /** A condition as {@link Query#where(String, String, Object)} takes it; a null value tests for no value. */
    record Condition(String field, String operator, Object value) {

        void addTo(Query query) {
            query.where(field, operator, value);
        }
    }

    /** Field names hold no operator character, so the first operator splits field from value. */
    private static final Pattern WHERE = Pattern.compile("\\s*([^=!~\\s]+)\\s*(!=|=|~)(.*)", Pattern.DOTALL);
    /** The id every record has, which models do not list among their fields. */
    private static final FieldInfo ID = new IdField();

    private record IdField() implements FieldInfo {
        @Override
        public String name() {
            return "id";
        }

        @Override
        public String type() {
            return Types.INTEGER;
        }

        @Override
        public String label() {
            return "Id";
        }

        @Override
        public boolean required() {
            return true;
        }

        @Override
        public Optional<String> relation() {
            return Optional.empty();
        }

        @Override
        public Optional<String> inverse() {
            return Optional.empty();
        }

        @Override
        public List<String> selection() {
            return List.of();
        }

        @Override
        public String declaredBy() {
            return "core";
        }
    }

    private final String model;
    private final Map<String, FieldInfo> fields = new LinkedHashMap<>();

    RecordsQuery(ModelInfo model, Optional<ModelInfo> bound) {
        this.model = model.name();
        fields.putAll(model.fields());
        bound.ifPresent(b -> b.fields().forEach(fields::putIfAbsent));
    }

    static RecordsQuery of(RecordStore store, String model) {
        ModelInfo info = store.model(model).orElseThrow(() -> new IllegalArgumentException("Unknown model '" + model
                + "'. Models: " + String.join(", ", store.models().stream().map(ModelInfo::name).sorted().toList())));
        return new RecordsQuery(info, info.bindingOf().flatMap(store::model));
    }

    /**
     * {@code FIELD=VALUE}, {@code FIELD!=VALUE} (an empty VALUE or {@code null}: no value) or
     * {@code FIELD~TEXT}: text containing TEXT, ignoring case; a TEXT with {@code %} in it is a
     * pattern taken as it is ({@code Ac%}: starting with Ac).
     */
    Condition condition(String where) {
        Matcher matcher = WHERE.matcher(where);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Bad --where '" + where + "': give FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT");
        }
        String name = matcher.group(1);
        String operator = matcher.group(2);
        String text = matcher.group(3);
        FieldInfo field = field(name);
        boolean noValue = text.isBlank() || text.trim().equalsIgnoreCase("null");
        if (field.type().equals(Types.ONE2MANY) || field.type().equals(Types.MANY2MANY)) {
            if (!operator.equals("=") || noValue) {
                throw new IllegalArgumentException("Bad --where '" + where + "': " + model + "." + name + " is a " + field.type()
                        + "; only " + name + "=ID is supported (records related to that " + field.relation().orElse("") + " id)");
            }
            return new Condition(name, operator, value(field, text));
        }
        if (operator.equals("~")) {
            if (!field.type().equals(Types.TEXT) && !field.type().equals(Types.SELECTION)) {
                throw new IllegalArgumentException("Bad --where '" + where + "': ~ matches text, and " + model + "." + name
                        + " is " + field.type() + "; use = or !=");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("Bad --where '" + where + "': give the text to look for after ~");
            }
            return new Condition(name, "ilike", text.contains("%") ? text : "%" + text + "%");
        }
        return new Condition(name, operator, noValue ? null : value(field, text));
    }

    /**
     * The fields to read, {@code id} first: those listed (comma-separated), or when none are,
     * every field but the one-to-many ones, which list the records pointing here.
     */
    List<String> columns(String listed) {
        Set<String> columns = new LinkedHashSet<>(List.of("id"));
        if (listed == null) {
            fields.values().stream().filter(f -> !f.type().equals(Types.ONE2MANY)).forEach(f -> columns.add(f.name()));
        } else {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    columns.add(field(name.trim()).name());
                }
            }
        }
        return new ArrayList<>(columns);
    }

    private FieldInfo field(String name) {
        if (name.equals("id")) {
            return ID;
        }
        FieldInfo field = fields.get(name);
        if (field == null) {
            throw new IllegalArgumentException("Unknown field '" + name + "' of " + model + ". Fields: id, "
                    + String.join(", ", fields.keySet()));
        }
        return field;
    }

    /** VALUE as the store holds the field's values: the store would refuse it later, with less to go on. */
    private Object value(FieldInfo field, String text) {
        String trimmed = text.trim();
        try {
            return switch (field.type()) {
                case Types.INTEGER, Types.MANY2ONE, Types.ONE2MANY, Types.MANY2MANY -> Long.valueOf(trimmed);
                case Types.DECIMAL -> new BigDecimal(trimmed);
                case Types.BOOLEAN -> bool(trimmed);
                case Types.DATE -> LocalDate.parse(trimmed);
                case Types.DATETIME -> dateTime(trimmed);
                case Types.SELECTION -> selection(field, text);
                default -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("Bad --where value '" + text + "' for " + model + "." + field.name() + " ("
                    + field.type() + "): expected " + expected(field));
        }
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Datetimes are kept in UTC: one with an offset is converted, one without is taken as UTC. */
    private static LocalDateTime dateTime(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(iso);
    }

    private static String selection(FieldInfo field, String text) {
        if (!field.selection().contains(text)) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private static String expected(FieldInfo field) {
        return switch (field.type()) {
            case Types.INTEGER -> "an integer";
            case Types.MANY2ONE, Types.ONE2MANY, Types.MANY2MANY -> "the id of a " + field.relation().orElse("record");
            case Types.DECIMAL -> "a number such as 12.50";
            case Types.BOOLEAN -> "true or false";
            case Types.DATE -> "a date such as 2026-11-22";
            case Types.DATETIME -> "a UTC datetime such as 2026-11-22T14:30:00 (or with an offset: 2026-11-22T15:30:00+01:00)";
            case Types.SELECTION -> "one of " + String.join(", ", field.selection());
            default -> "text";
        };
    }
}
