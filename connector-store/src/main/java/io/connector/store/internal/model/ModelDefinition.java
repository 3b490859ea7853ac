package io.connector.store.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.ModelInfo;

/** A model with the fields every installed bundle gives it; immutable once published. */
public final class ModelDefinition implements ModelInfo {

    /** The columns every binding table has, besides its own fields. */
    public static final String BACKEND_ID = "backend_id";
    public static final String EXTERNAL_ID = "external_id";
    public static final String RECORD_ID = "record_id";
    public static final String SYNC_DATE = "sync_date";

    private final String name;
    private final String description;
    private final String bindingOf;
    private final Map<String, FieldDefinition> fields;
    private final List<String> declaredBy;
    private final List<List<String>> unique;

    ModelDefinition(String name, String description, String bindingOf, Map<String, FieldDefinition> fields,
            List<String> declaredBy, List<List<String>> unique) {
        this.name = name;
        this.description = description == null ? name : description;
        this.bindingOf = bindingOf;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.declaredBy = List.copyOf(declaredBy);
        this.unique = unique.stream().map(List::copyOf).toList();
    }

    /** Sets of stored fields whose values the database keeps unique together. */
    public List<List<String>> unique() {
        return unique;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, FieldInfo> fields() {
        return (Map) fields;
    }

    public Map<String, FieldDefinition> definitions() {
        return fields;
    }

    public Optional<FieldDefinition> field(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    @Override
    public Optional<String> bindingOf() {
        return Optional.ofNullable(bindingOf);
    }

    @Override
    public List<String> declaredBy() {
        return declaredBy;
    }

    /** {@code res.partner} is stored in table {@code res_partner}. */
    public String table() {
        return tableOf(name);
    }

    public static String tableOf(String model) {
        return model.replace('.', '_');
    }

    @Override
    public String toString() {
        return name;
    }
}
