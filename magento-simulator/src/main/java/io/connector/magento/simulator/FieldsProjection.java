package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Magento 2's {@code fields} parameter: {@code fields=items[id,sku],total_count} keeps only
 * those fields of the answer, nested as the brackets say, each list item filtered alike;
 * {@code fields=id} on a list keeps the id of each entry. Unknown fields are left out, as
 * Magento does.
 */
final class FieldsProjection {

    /** The fields to keep, each with the fields to keep inside it, or null for all of it. */
    private final Map<String, FieldsProjection> fields;

    private FieldsProjection(Map<String, FieldsProjection> fields) {
        this.fields = fields;
    }

    /** The projection a {@code fields} value names; 400 for brackets that do not match. */
    static FieldsProjection parse(String spec) throws RestError {
        int[] at = {0};
        FieldsProjection projection = parseList(spec, at);
        if (at[0] != spec.length()) {
            throw RestError.invalidValue("fields", spec);
        }
        return projection;
    }

    private static FieldsProjection parseList(String spec, int[] at) throws RestError {
        Map<String, FieldsProjection> fields = new LinkedHashMap<>();
        while (at[0] < spec.length()) {
            int start = at[0];
            while (at[0] < spec.length() && ",[]".indexOf(spec.charAt(at[0])) < 0) {
                at[0]++;
            }
            String name = spec.substring(start, at[0]).trim();
            FieldsProjection inner = null;
            if (at[0] < spec.length() && spec.charAt(at[0]) == '[') {
                at[0]++;
                inner = parseList(spec, at);
                if (at[0] >= spec.length() || spec.charAt(at[0]) != ']') {
                    throw RestError.invalidValue("fields", spec);
                }
                at[0]++;
            }
            if (!name.isEmpty()) {
                fields.put(name, inner);
            }
            if (at[0] < spec.length() && spec.charAt(at[0]) == ',') {
                at[0]++;
            } else {
                break;
            }
        }
        return new FieldsProjection(fields);
    }

    /** A copy of the answer with only the named fields. */
    JsonNode apply(JsonNode node) {
        if (node.isArray()) {
            ArrayNode list = RestJson.array();
            node.forEach(item -> list.add(apply(item)));
            return list;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode kept = RestJson.object();
        fields.forEach((name, inner) -> {
            JsonNode value = node.get(name);
            if (value != null) {
                kept.set(name, inner == null ? value : inner.apply(value));
            }
        });
        return kept;
    }
}
