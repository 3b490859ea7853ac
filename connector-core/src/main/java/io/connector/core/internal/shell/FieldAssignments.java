package io.connector.core.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;

/**
 * The {@code FIELD=VALUE} arguments of {@code connector:record-create} and {@code record-write},
 * as the values the store writes, in the order given. Each value becomes its field's type (see
 * {@link FieldValues}); an empty VALUE or {@code null} is no value; a many2many takes its ids
 * comma-separated, and nothing for none. Fields the store keeps itself and one2many fields are
 * refused here, with what to do instead, rather than by the store halfway through.
 */
final class FieldAssignments {

    /** Set by the store on every record: the id when it is created, the dates at each write. */
    private static final Set<String> KEPT_BY_STORE = Set.of("id", "create_date", "write_date");

    private FieldAssignments() {
    }

    /** Field name to value, in the order given. */
    static Map<String, Object> parse(ModelFields fields, List<String> assignments) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            String name = equals < 0 ? "" : assignment.substring(0, equals).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Bad argument '" + assignment + "': give FIELD=VALUE (FIELD= for no value)");
            }
            if (given.containsKey(name)) {
                throw new IllegalArgumentException("Field " + name + " is given twice ('" + given.get(name) + "' and '"
                        + assignment + "'): give each field once");
            }
            given.put(name, assignment);
            values.put(name, value(fields, name, assignment.substring(equals + 1)));
        }
        return values;
    }

    /** The fields that can be given, for completion: what {@link #parse} takes. */
    static List<FieldInfo> writable(ModelFields fields) {
        return fields.declared().stream().filter(f -> !f.type().equals(Types.ONE2MANY) && !KEPT_BY_STORE.contains(f.name()))
                .toList();
    }

    private static Object value(ModelFields fields, String name, String text) {
        String model = fields.model();
        if (name.equals("id")) {
            throw new IllegalArgumentException("id is not written: the store numbers new records, and connector:record-write "
                    + "takes the id of the record to write before its fields");
        }
        if (KEPT_BY_STORE.contains(name)) {
            throw new IllegalArgumentException(name + " is not written: the store sets it when a record is "
                    + (name.equals("create_date") ? "created" : "written"));
        }
        FieldInfo field = fields.field(name);
        if (field.type().equals(Types.ONE2MANY)) {
            throw new IllegalArgumentException(model + "." + name + " is a one2many, the " + field.relation().orElse("")
                    + " records that point here: write their " + field.inverse().orElse("many2one") + " instead");
        }
        if (field.type().equals(Types.MANY2MANY)) {
            return ids(model, field, text);
        }
        return FieldValues.meansNoValue(text) ? null : FieldValues.convert(model, field, text, "value");
    }

    /** A many2many's ids: its whole value is replaced, so no ids at all empties it. */
    private static List<Long> ids(String model, FieldInfo field, String text) {
        List<Long> ids = new ArrayList<>();
        if (FieldValues.meansNoValue(text)) {
            return ids;
        }
        for (String id : text.split(",", -1)) {
            try {
                ids.add(Long.valueOf(id.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Bad value '" + text + "' for " + model + "." + field.name() + " (many2many): "
                        + "expected " + field.relation().orElse("record") + " ids, comma-separated, such as 3,7 (nothing for none)");
            }
        }
        return ids;
    }
}
