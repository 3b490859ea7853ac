package io.connector.store.internal.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo;

/**
 * A field as a bundle declared it.
 *
 * @param relationModel for relations: the related model
 * @param inverseField  for a one-to-many: the many-to-one of the related model that points back
 * @param defaultValue the value a create gets when it gives none; null for none
 * @param onDelete     for a many-to-one: what deleting the related record does: {@code set null},
 *                     {@code cascade} or {@code restrict}
 * @param index        whether the column gets an index (many-to-ones always do)
 */
public record FieldDefinition(String name, String type, String label, boolean required, String relationModel,
        String inverseField, List<String> selection, Object defaultValue, String onDelete, boolean index,
        String declaredBy) implements FieldInfo {

    static final Set<String> TYPES = Set.of(Types.TEXT, Types.INTEGER, Types.DECIMAL, Types.BOOLEAN, Types.DATE,
            Types.DATETIME, Types.SELECTION, Types.MANY2ONE, Types.ONE2MANY, Types.MANY2MANY, Types.BINARY);
    static final Set<String> ON_DELETE = Set.of("set null", "cascade", "restrict");
    /** Lower-case SQL-safe names: a field name is also its column name. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public FieldDefinition {
        selection = selection == null ? List.of() : List.copyOf(selection);
        label = label == null || label.isBlank() ? name : label;
    }

    @Override
    public Optional<String> relation() {
        return Optional.ofNullable(relationModel);
    }

    @Override
    public Optional<String> inverse() {
        return Optional.ofNullable(inverseField);
    }

    /** Whether the value lives in a column of the model's table. */
    public boolean stored() {
        return !type.equals(Types.ONE2MANY) && !type.equals(Types.MANY2MANY);
    }

    public boolean isRelation() {
        return type.equals(Types.MANY2ONE) || type.equals(Types.ONE2MANY) || type.equals(Types.MANY2MANY);
    }
}
