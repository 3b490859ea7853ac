package io.connector.core.internal.shell;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;

/**
 * The fields of a model as the record commands name them: its own, and for a binding model
 * those of the record it binds, which the store reads and writes through the binding; and
 * {@code id}, which models do not list. A name that is none of them is refused with the model's
 * fields, so that a typo is seen at once.
 */
final class ModelFields {

    /** The id every record has. */
    static final FieldInfo ID = new IdField();

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

    ModelFields(ModelInfo model, Optional<ModelInfo> bound) {
        this.model = model.name();
        fields.putAll(model.fields());
        bound.ifPresent(b -> b.fields().forEach(fields::putIfAbsent));
    }

    /** The fields of {@code model}; an unknown model is refused with the names of the models there are. */
    static ModelFields of(RecordStore store, String model) {
        return find(store, model).orElseThrow(() -> new IllegalArgumentException("Unknown model '" + model
                + "'. Models: " + String.join(", ", store.models().stream().map(ModelInfo::name).sorted().toList())));
    }

    /** The fields of {@code model}, when there is one of that name: for completers, which must not fail. */
    static Optional<ModelFields> find(RecordStore store, String model) {
        return store.model(model).map(info -> new ModelFields(info, info.bindingOf().flatMap(store::model)));
    }

    String model() {
        return model;
    }

    /** The declared fields, the binding's own first; not {@code id}. */
    Collection<FieldInfo> declared() {
        return fields.values();
    }

    FieldInfo field(String name) {
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
}
