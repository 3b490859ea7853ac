package io.connector.store.internal.model;

import java.util.List;
import java.util.Map;

/**
 * What one bundle's model file declares: new models, and fields it adds to models declared
 * elsewhere.
 *
 * @param bundle     the bundle, for diagnostics and as the fields' owner
 * @param order      contributions are applied in this order (the bundle id): the first
 *                   declaration of a model wins
 * @param models     declared models by name
 * @param extensions added fields by model name
 * @param problems   what could not be read from the file
 */
public record ModelContribution(String bundle, long order, Map<String, DeclaredModel> models,
        Map<String, List<FieldDefinition>> extensions, List<String> problems) {

    /** One bundle's files as one contribution. */
    public static ModelContribution merge(String bundle, long order, List<ModelContribution> parts) {
        Map<String, DeclaredModel> models = new java.util.LinkedHashMap<>();
        Map<String, List<FieldDefinition>> extensions = new java.util.LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (ModelContribution part : parts) {
            models.putAll(part.models());
            part.extensions().forEach((model, fields) ->
                    extensions.computeIfAbsent(model, m -> new java.util.ArrayList<>()).addAll(fields));
            problems.addAll(part.problems());
        }
        return new ModelContribution(bundle, order, models, extensions, problems);
    }

    /** A model as one file declares it. */
    public record DeclaredModel(String name, String description, String bindingOf, List<FieldDefinition> fields,
            List<List<String>> unique) {
    }
}
