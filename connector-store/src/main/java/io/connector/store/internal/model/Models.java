package io.connector.store.internal.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.StoreException;
import io.connector.store.internal.model.ModelContribution.DeclaredModel;

/**
 * The models of one moment, made from every installed bundle's contribution: declared models,
 * then the fields extensions add, then relations checked against what exists. Immutable.
 */
public final class Models {

    private static final Pattern MODEL_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Set<String> RESERVED = Set.of("id", "create_date", "write_date");
    private static final Set<String> BINDING_COLUMNS = Set.of(ModelDefinition.BACKEND_ID, ModelDefinition.EXTERNAL_ID,
            ModelDefinition.RECORD_ID, ModelDefinition.SYNC_DATE);

    public static final Models EMPTY = build(0, List.of());

    private final long generation;
    private final Map<String, ModelDefinition> models;
    private final List<String> problems;

    private Models(long generation, Map<String, ModelDefinition> models, List<String> problems) {
        this.generation = generation;
        this.models = models;
        this.problems = List.copyOf(problems);
    }

    public long generation() {
        return generation;
    }

    public Collection<ModelDefinition> all() {
        return models.values();
    }

    public Optional<ModelDefinition> get(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The model, or an error that lists the declared ones. */
    public ModelDefinition require(String name) {
        ModelDefinition model = models.get(name);
        if (model == null) {
            throw new StoreException("Unknown model '" + name + "'. Declared models: "
                    + (models.isEmpty() ? "none (is a feature with models installed?)" : String.join(", ", models.keySet())));
        }
        return model;
    }

    /** What an operator or a bundle author should fix: bad declarations, missing targets. */
    public List<String> problems() {
        return problems;
    }

    public static Models build(long generation, Collection<ModelContribution> contributions) {
        List<ModelContribution> ordered = new ArrayList<>(contributions);
        ordered.sort(Comparator.comparingLong(ModelContribution::order));
        List<String> problems = new ArrayList<>();
        Map<String, DeclaredModel> declared = new TreeMap<>();
        Map<String, List<String>> owners = new TreeMap<>();
        Map<String, Map<String, FieldDefinition>> fields = new TreeMap<>();

        for (ModelContribution c : ordered) {
            problems.addAll(c.problems());
            for (DeclaredModel model : c.models().values()) {
                if (!MODEL_NAME.matcher(model.name()).matches() || model.name().length() > 48) {
                    problems.add(c.bundle() + ": model name '" + model.name() + "' is not lower-case words joined by dots (48 characters at most)");
                } else if (declared.containsKey(model.name())) {
                    problems.add(c.bundle() + ": model " + model.name() + " is already declared by "
                            + owners.get(model.name()).get(0) + "; use \"extend\" to add fields to it");
                } else {
                    declared.put(model.name(), model);
                    owners.computeIfAbsent(model.name(), m -> new ArrayList<>()).add(c.bundle());
                    fields.put(model.name(), new LinkedHashMap<>());
                    addFields(model.name(), model.fields(), fields.get(model.name()), model.bindingOf() != null, problems);
                }
            }
        }
        for (ModelContribution c : ordered) {
            c.extensions().forEach((model, added) -> {
                Map<String, FieldDefinition> target = fields.get(model);
                if (target == null) {
                    problems.add(c.bundle() + ": extends model " + model + ", which no installed bundle declares");
                    return;
                }
                owners.get(model).add(c.bundle());
                addFields(model, added, target, declared.get(model).bindingOf() != null, problems);
            });
        }
        Map<String, Map<String, FieldDefinition>> complete = new TreeMap<>();
        for (DeclaredModel model : declared.values()) {
            String bindingOf = model.bindingOf();
            Map<String, FieldDefinition> own = fields.get(model.name());
            if (bindingOf != null) {
                DeclaredModel bound = declared.get(bindingOf);
                if (bound == null || bound.bindingOf() != null) {
                    problems.add(owners.get(model.name()).get(0) + ": binding model " + model.name() + " binds "
                            + bindingOf + ", which is " + (bound == null ? "not declared" : "itself a binding model")
                            + "; the model is left out");
                    continue;
                }
                Map<String, FieldDefinition> withColumns = new LinkedHashMap<>(bindingColumns(bindingOf,
                        owners.get(model.name()).get(0)));
                own.forEach((field, definition) -> {
                    if (fields.get(bindingOf).containsKey(field)) {
                        problems.add(definition.declaredBy() + ": field " + field + " of binding model " + model.name()
                                + " is also a field of " + bindingOf + ", which the binding reads through; it is left out");
                    } else {
                        withColumns.put(field, definition);
                    }
                });
                own = withColumns;
            }
            complete.put(model.name(), own);
        }
        // Relations are checked last: the target may be declared by any bundle.
        for (Map.Entry<String, Map<String, FieldDefinition>> model : complete.entrySet()) {
            model.getValue().values().removeIf(f -> !relationHolds(model.getKey(), f, complete, problems));
        }
        Map<String, ModelDefinition> models = new TreeMap<>();
        complete.forEach((name, definitions) -> {
            DeclaredModel model = declared.get(name);
            List<List<String>> unique = new ArrayList<>();
            for (List<String> columns : model.unique()) {
                if (!columns.isEmpty() && columns.stream().allMatch(c -> definitions.containsKey(c) && definitions.get(c).stored())) {
                    unique.add(columns);
                } else {
                    problems.add(owners.get(name).get(0) + ": model " + name + " lists unique " + columns
                            + ", which are not all stored fields of it; the constraint is left out");
                }
            }
            models.put(name, new ModelDefinition(name, model.description(), model.bindingOf(), definitions, owners.get(name), unique));
        });
        return new Models(generation, models, problems);
    }

    private static Map<String, FieldDefinition> bindingColumns(String bindingOf, String bundle) {
        Map<String, FieldDefinition> columns = new LinkedHashMap<>();
        columns.put(ModelDefinition.BACKEND_ID, new FieldDefinition(ModelDefinition.BACKEND_ID, Types.TEXT, "Backend",
                true, null, null, null, null, null, true, bundle));
        columns.put(ModelDefinition.EXTERNAL_ID, new FieldDefinition(ModelDefinition.EXTERNAL_ID, Types.TEXT,
                "External id", false, null, null, null, null, null, false, bundle));
        columns.put(ModelDefinition.RECORD_ID, new FieldDefinition(ModelDefinition.RECORD_ID, Types.MANY2ONE,
                "Record", true, bindingOf, null, null, null, "cascade", true, bundle));
        columns.put(ModelDefinition.SYNC_DATE, new FieldDefinition(ModelDefinition.SYNC_DATE, Types.DATETIME,
                "Last synchronization", false, null, null, null, null, null, false, bundle));
        return columns;
    }

    private static void addFields(String model, List<FieldDefinition> added, Map<String, FieldDefinition> target,
            boolean binding, List<String> problems) {
        for (FieldDefinition f : added) {
            String where = f.declaredBy() + ": field " + model + "." + f.name();
            String problem = null;
            if (!FieldDefinition.NAME.matcher(f.name()).matches()) {
                problem = "the name is not lower-case letters, digits and underscores (48 at most)";
            } else if (RESERVED.contains(f.name()) || (binding && BINDING_COLUMNS.contains(f.name()))) {
                problem = "the name is reserved" + (binding ? " (every binding has it)" : "");
            } else if (!FieldDefinition.TYPES.contains(f.type())) {
                problem = "unknown type '" + f.type() + "'; types: " + String.join(", ", FieldDefinition.TYPES.stream().sorted().toList());
            } else if (f.isRelation() && f.relation().isEmpty()) {
                problem = "a " + f.type() + " needs a \"relation\"";
            } else if (f.type().equals(Types.ONE2MANY) && f.inverse().isEmpty()) {
                problem = "a one2many needs an \"inverse\": the many2one of " + f.relation().get() + " that points back";
            } else if (f.type().equals(Types.SELECTION) && f.selection().isEmpty()) {
                problem = "a selection needs its \"selection\" values";
            } else if (f.type().equals(Types.MANY2ONE) && !FieldDefinition.ON_DELETE.contains(f.onDelete())) {
                problem = "\"onDelete\" must be one of " + FieldDefinition.ON_DELETE;
            } else if (target.containsKey(f.name())) {
                problem = "already declared by " + target.get(f.name()).declaredBy();
            }
            if (problem != null) {
                problems.add(where + ": " + problem + "; the field is left out");
            } else {
                target.put(f.name(), f);
            }
        }
    }

    private static boolean relationHolds(String model, FieldDefinition f, Map<String, Map<String, FieldDefinition>> models,
            List<String> problems) {
        if (!f.isRelation()) {
            return true;
        }
        Map<String, FieldDefinition> target = models.get(f.relation().get());
        String where = f.declaredBy() + ": field " + model + "." + f.name();
        if (target == null) {
            problems.add(where + " relates to model " + f.relation().get() + ", which no installed bundle declares; the field is left out");
            return false;
        }
        if (f.type().equals(Types.ONE2MANY)) {
            FieldDefinition inverse = target.get(f.inverse().get());
            if (inverse == null || !inverse.type().equals(Types.MANY2ONE) || !inverse.relation().orElse("").equals(model)) {
                problems.add(where + ": its inverse " + f.relation().get() + "." + f.inverse().get()
                        + " is not a many2one to " + model + "; the field is left out");
                return false;
            }
        }
        return true;
    }
}
