package io.connector.core.mapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.ConnectorException;
import io.connector.api.ConnectorUnit;
import io.connector.api.store.FieldInfo;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.MapRecord;
import io.connector.api.unit.MappingException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the reference connector's mapper does, for import and export mappers alike:
 * <ul>
 * <li>direct mappings declared in the constructor, {@code direct(source, target)}, where the
 * source is a field or a {@link Modifier} (convert, none, relations);
 * <li>{@link Mapping} methods whose values are merged over them, {@link OnlyCreate} and
 * {@link ChangedBy} ones included;
 * <li>children, {@code child(sourceList, target, childModel)}, each item mapped by the child
 * model's mapper of the same kind, which may {@link #skipItem skip} it;
 * <li>{@link #finalizeValues}, then the values forced with {@link MapRecord#update}.
 * </ul>
 * A subclass adds to its parent's declarations: the customized mapper of a child backend
 * version extends the standard one.
 */
@ConsumerType
public abstract class AbstractMapper extends AbstractUnit {

    private record Direct(Modifier source, String target) {
    }

    private record Child(String source, String target, String model) {
    }

    private static final ClassValue<List<MappingMethod>> METHODS = new ClassValue<>() {
        @Override
        protected List<MappingMethod> computeValue(Class<?> type) {
            return MappingMethod.of(type, AbstractMapper.class);
        }
    };

    private final List<Direct> direct = new ArrayList<>();
    private final List<Child> children = new ArrayList<>();

    /** The unit type children are mapped with: {@code ImportMapper} or {@code ExportMapper}. */
    protected abstract Class<? extends ConnectorUnit> kind();

    /** Whether relations go from external ids to local records (import) or back (export). */
    protected abstract boolean importing();

    // ------------------------------------------------------------------ declarations

    /** Copies {@code source} to {@code target}; a missing, null or empty source maps to null. */
    protected final void direct(String source, String target) {
        direct(field(source), target);
    }

    protected final void direct(Modifier source, String target) {
        direct.add(new Direct(source, target));
    }

    /** Maps each item of the list {@code source} with {@code childModel}'s mapper into {@code target}. */
    protected final void child(String source, String target, String childModel) {
        children.add(new Child(source, target, childModel));
    }

    // ------------------------------------------------------------------ modifiers

    /**
     * A field as it is, null for missing, null or empty. On import, when the target field is a
     * many-to-one to a binding model, the value is an external id and becomes that binding's id.
     */
    protected final Modifier field(String name) {
        return new Modifier() {
            @Override
            public Object apply(MapContext context, String target) {
                Object value = Modifiers.falsyToNull(context.get(name));
                if (value != null && importing()) {
                    Optional<String> relation = bindingRelation(target);
                    if (relation.isPresent()) {
                        return toBinding(relation.get(), value, name, false);
                    }
                }
                return value;
            }

            @Override
            public String sourceField() {
                return name;
            }
        };
    }

    /**
     * The value converted to {@code type}: {@code String}, {@code Long}, {@code Integer},
     * {@code BigDecimal}, {@code Double} or {@code Boolean}. Text "0", "false" and "" are false.
     * A missing, null or empty value stays null.
     */
    public static Modifier convert(String field, Class<?> type) {
        return Modifiers.convert(Modifiers.plain(field), type);
    }

    public static Modifier convert(Modifier source, Class<?> type) {
        return Modifiers.convert(source, type);
    }

    /** Falsy values (null, empty text, false, zero) become null: {@code none(convert("flag", Boolean.class))}. */
    public static Modifier none(String field) {
        return Modifiers.none(Modifiers.plain(field));
    }

    public static Modifier none(Modifier source) {
        return Modifiers.none(source);
    }

    /**
     * Import: an external id to the local id, through the binder of {@code binding}, unwrapped
     * to the record it binds. Without {@code binding}, the target field's relation is the
     * binding model and its id is kept. No binding: {@link MappingException}.
     */
    protected final Modifier backendToM2o(String field, String binding) {
        return new Modifiers.Named(field, (context, target) -> {
            Object value = Modifiers.falsyToNull(context.get(field));
            if (value == null) {
                return null;
            }
            String bindingModel = binding != null ? binding : bindingRelation(target).orElseThrow(() -> new MappingException(
                    "backendToM2o(" + field + ") for " + model() + "." + target + " needs a binding model: the target "
                            + "is not a many2one to one"));
            return toBinding(bindingModel, value, field, binding != null);
        });
    }

    protected final Modifier backendToM2o(String field) {
        return backendToM2o(field, null);
    }

    /**
     * Export: a local many-to-one to the remote id, through the binder of {@code binding} (the
     * binding of the related record on this backend); without {@code binding}, the field points
     * to a binding itself. No binding: {@link MappingException}.
     */
    protected final Modifier m2oToBackend(String field, String binding) {
        return new Modifiers.Named(field, (context, target) -> {
            Object value = context.get(field);
            if (value == null) {
                return null;
            }
            long id = ((Number) value).longValue();
            String bindingModel = binding != null ? binding : relationOf(model(), field).orElseThrow(() ->
                    new MappingException("m2oToBackend(" + field + "): " + model() + "." + field + " is not a many2one"));
            return environment().binder(bindingModel).toExternal(id, binding != null)
                    .orElseThrow(() -> new MappingException(model() + "." + field + " = " + id + " has no " + bindingModel
                            + " binding on backend " + backendRecord().name() + ": export it first"));
        });
    }

    protected final Modifier m2oToBackend(String field) {
        return m2oToBackend(field, null);
    }

    /** Export: follows many-to-ones from the local record, e.g. {@code "parent_id.country_code"}. */
    protected final Modifier followM2oRelations(String path) {
        String[] steps = path.split("\\.");
        return new Modifiers.Named(steps[0], (context, target) -> {
            String model = model();
            Object value = context.get(steps[0]);
            for (int i = 1; i < steps.length && value != null; i++) {
                String relation = relationOf(model, steps[i - 1]).orElseThrow(() -> new MappingException(
                        "followM2oRelations(" + path + "): a step is not a many2one"));
                long id = ((Number) value).longValue();
                String field = steps[i];
                value = environment().store().inTransaction(s -> s.read(relation, List.of(id), List.of(field)))
                        .stream().findFirst().map(row -> row.get(field)).orElse(null);
                model = relation;
            }
            return value;
        });
    }

    // ------------------------------------------------------------------ hooks

    /** Runs last, before the forced values: may change anything. */
    protected void finalizeValues(MapContext context, Map<String, Object> values) {
    }

    /** On a child mapper: whether to leave an item out of its parent's list. */
    protected boolean skipItem(MapContext item) {
        return false;
    }

    /** On a parent mapper: what the mapped items become in the target field (by default the list). */
    protected Object formatItems(String target, List<Map<String, Object>> items) {
        return items;
    }

    // ------------------------------------------------------------------ evaluation

    protected final MapRecord newRecord(Map<String, Object> source, MapRecord parent) {
        return new Record(Collections.unmodifiableMap(new LinkedHashMap<>(source)), parent);
    }

    private Map<String, Object> apply(Record record, boolean forCreate, Collection<String> fields, Map<String, Object> options) {
        MapContext context = new MapContext(record, forCreate, fields, options);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Direct d : direct) {
            if (fields.isEmpty() || fields.contains(d.source().sourceField())) {
                values.put(d.target(), d.source().apply(context, d.target()));
            }
        }
        for (MappingMethod m : METHODS.get(getClass())) {
            if (m.onlyCreate() && !forCreate) {
                continue;
            }
            if (!fields.isEmpty() && !m.changedBy().isEmpty() && Collections.disjoint(m.changedBy(), fields)) {
                continue;
            }
            Map<String, Object> computed = invoke(m.method(), context);
            if (computed != null) {
                values.putAll(computed);
            }
        }
        for (Child c : children) {
            if (fields.isEmpty() || fields.contains(c.source())) {
                values.put(c.target(), formatItems(c.target(), mapChildren(c, record, forCreate, fields, options)));
            }
        }
        finalizeValues(context, values);
        return values;
    }

    private List<Map<String, Object>> mapChildren(Child c, Record parent, boolean forCreate, Collection<String> fields,
            Map<String, Object> options) {
        Object items = parent.source().get(c.source());
        if (items == null) {
            return List.of();
        }
        if (!(items instanceof Collection<?> list)) {
            throw new MappingException(model() + ": " + c.source() + " should be a list of records, not " + items);
        }
        ConnectorUnit unit = environment().unit(kind(), c.model());
        if (!(unit instanceof AbstractMapper childMapper)) {
            throw new ConnectorException("The " + kind().getSimpleName() + " of " + c.model() + " is not an AbstractMapper");
        }
        List<Map<String, Object>> mapped = new ArrayList<>();
        for (Object item : list) {
            @SuppressWarnings("unchecked")
            Record child = (Record) childMapper.newRecord((Map<String, Object>) item, parent);
            if (!childMapper.skipItem(new MapContext(child, forCreate, fields, options))) {
                mapped.add(child.values(forCreate, fields, options));
            }
        }
        return mapped;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoke(Method method, MapContext context) {
        try {
            return (Map<String, Object>) method.invoke(this, context);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ConnectorException(method.getName() + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relation of {@code target} on this mapper's model when it is a many-to-one to a binding model. */
    private Optional<String> bindingRelation(String target) {
        return store().flatMap(store -> relationOf(model(), target).filter(relation -> store.model(relation)
                .map(m -> m.fields().containsKey("external_id")).orElse(false)));
    }

    private Optional<String> relationOf(String model, String field) {
        Optional<RecordStore> store = store();
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelInfo> info = store.get().model(model);
        FieldInfo f = info.map(m -> m.fields().get(field)).orElse(null);
        if (f == null && info.flatMap(ModelInfo::bindingOf).isPresent()) {
            f = store.get().model(info.get().bindingOf().get()).map(m -> m.fields().get(field)).orElse(null);
        }
        return f != null && f.type().equals(FieldInfo.Types.MANY2ONE) ? f.relation() : Optional.empty();
    }

    /**
     * The store when there is one: a mapper that maps no relations works without a database
     * (made by hand in a unit test, or while the DataSource is not up yet).
     */
    private Optional<RecordStore> store() {
        if (!hasEnvironment()) {
            return Optional.empty();
        }
        try {
            return Optional.of(environment().store());
        } catch (ConnectorException noStore) {
            return Optional.empty();
        }
    }

    private Long toBinding(String bindingModel, Object externalId, String field, boolean unwrap) {
        return environment().binder(bindingModel).toInternal(externalId.toString(), unwrap)
                .orElseThrow(() -> new MappingException(model() + ": " + field + " = '" + externalId + "' has no "
                        + bindingModel + " binding on backend " + backendRecord().name() + ": import it first"));
    }

    private final class Record implements MapRecord {

        private final Map<String, Object> source;
        private final MapRecord parent;
        private final Map<String, Object> forced = new LinkedHashMap<>();

        Record(Map<String, Object> source, MapRecord parent) {
            this.source = source;
            this.parent = parent;
        }

        @Override
        public Map<String, Object> source() {
            return source;
        }

        @Override
        public Optional<MapRecord> parent() {
            return Optional.ofNullable(parent);
        }

        @Override
        public Map<String, Object> values(boolean forCreate, Collection<String> fields, Map<String, Object> options) {
            Map<String, Object> values = apply(this, forCreate, fields == null ? List.of() : fields,
                    options == null ? Map.of() : options);
            values.putAll(forced);
            return values;
        }

        @Override
        public void update(Map<String, Object> forcedValues) {
            forced.putAll(forcedValues);
        }
    }
}
