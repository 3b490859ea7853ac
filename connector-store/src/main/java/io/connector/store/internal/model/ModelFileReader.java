package io.connector.store.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.connector.store.internal.model.ModelContribution.DeclaredModel;

/**
 * Reads a bundle's model file:
 *
 * <pre>
 * {
 *   "models": {
 *     "res.partner": {"description": "Partner", "fields": {
 *        "name": {"type": "text", "required": true},
 *        "parent_id": {"type": "many2one", "relation": "res.partner"}}},
 *     "magento.res.partner": {"bindingOf": "res.partner", "fields": {"website_id": {"type": "integer"}}}
 *   },
 *   "extend": {
 *     "res.partner": {"fields": {"gender": {"type": "selection", "selection": ["male", "female"]}}}
 *   }
 * }
 * </pre>
 *
 * A model may also list {@code "unique"} column sets, e.g. {@code [["backend_id", "external_id"]]}.
 * A field's keys: {@code type}, {@code label}, {@code required}, {@code relation}, {@code inverse},
 * {@code selection}, {@code default}, {@code onDelete}, {@code index}. What is wrong is reported
 * as a problem and left out; the rest of the file still counts.
 */
public final class ModelFileReader {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.ALLOW_COMMENTS).build();

    private ModelFileReader() {
    }

    public static ModelContribution read(String bundle, long order, String file, InputStream in) {
        List<String> problems = new ArrayList<>();
        Map<String, DeclaredModel> models = new LinkedHashMap<>();
        Map<String, List<FieldDefinition>> extensions = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            problems.add(bundle + ": " + file + " is not valid JSON: " + e.getMessage());
            return new ModelContribution(bundle, order, models, extensions, problems);
        }
        if (root == null || !root.isObject()) {
            problems.add(bundle + ": " + file + " must hold a JSON object with \"models\" and/or \"extend\"");
            return new ModelContribution(bundle, order, models, extensions, problems);
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!key.equals("models") && !key.equals("extend")) {
                problems.add(bundle + ": " + file + ": unknown key '" + key + "' (expected \"models\" or \"extend\")");
            }
        }
        root.path("models").fields().forEachRemaining(entry -> {
            String model = entry.getKey();
            JsonNode node = entry.getValue();
            String where = bundle + ": model " + model;
            List<List<String>> unique = new ArrayList<>();
            node.path("unique").forEach(columns -> {
                List<String> names = new ArrayList<>();
                columns.forEach(column -> names.add(column.asText()));
                unique.add(names);
            });
            models.put(model, new DeclaredModel(model, text(node, "description"), text(node, "bindingOf"),
                    fields(bundle, where, node.path("fields"), problems), unique));
        });
        root.path("extend").fields().forEachRemaining(entry -> extensions.put(entry.getKey(),
                fields(bundle, bundle + ": extension of " + entry.getKey(), entry.getValue().path("fields"), problems)));
        return new ModelContribution(bundle, order, models, extensions, problems);
    }

    private static List<FieldDefinition> fields(String bundle, String where, JsonNode node, List<String> problems) {
        List<FieldDefinition> fields = new ArrayList<>();
        node.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode f = entry.getValue();
            String type = text(f, "type");
            if (type == null) {
                problems.add(where + ": field " + name + " has no \"type\"");
                return;
            }
            List<String> selection = new ArrayList<>();
            f.path("selection").forEach(v -> selection.add(v.asText()));
            Object defaultValue = f.has("default") ? JSON.convertValue(f.get("default"), Object.class) : null;
            fields.add(new FieldDefinition(name, type, text(f, "label"), f.path("required").asBoolean(false),
                    text(f, "relation"), text(f, "inverse"), selection, defaultValue,
                    f.has("onDelete") ? f.get("onDelete").asText() : "set null", f.path("index").asBoolean(false), bundle));
        });
        return fields;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
