package io.connector.core.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;

/**
 * What {@code connector:records} asks of a model: its {@code --where} conditions, their values
 * converted to the types of their fields (by {@link FieldValues}), and the fields to show (of
 * {@link ModelFields}: a binding model has those of the record it binds too). Kept apart from the command so that
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

    private final ModelFields fields;
    private final String model;

    RecordsQuery(ModelFields fields) {
        this.fields = fields;
        this.model = fields.model();
    }

    static RecordsQuery of(RecordStore store, String model) {
        return new RecordsQuery(ModelFields.of(store, model));
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
        FieldInfo field = fields.field(name);
        boolean noValue = FieldValues.meansNoValue(text);
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
            fields.declared().stream().filter(f -> !f.type().equals(Types.ONE2MANY) && !f.type().equals(Types.BINARY)).forEach(f -> columns.add(f.name()));
        } else {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    columns.add(fields.field(name.trim()).name());
                }
            }
        }
        return new ArrayList<>(columns);
    }

    private Object value(FieldInfo field, String text) {
        return FieldValues.convert(model, field, text, "--where value");
    }
}
