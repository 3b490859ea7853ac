package io.connector.core.mapper;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.connector.api.unit.MapRecord;

/** One evaluation of a record's values, as mapping methods and modifiers see it. */
public final class MapContext {

    private final MapRecord record;
    private final boolean forCreate;
    private final Collection<String> fields;
    private final Map<String, Object> options;

    MapContext(MapRecord record, boolean forCreate, Collection<String> fields, Map<String, Object> options) {
        this.record = record;
        this.forCreate = forCreate;
        this.fields = fields;
        this.options = options;
    }

    public MapRecord record() {
        return record;
    }

    /** The record being mapped. */
    public Map<String, Object> source() {
        return record.source();
    }

    /** A value of the record being mapped. */
    public Object get(String field) {
        return record.source().get(field);
    }

    public Optional<MapRecord> parent() {
        return record.parent();
    }

    public boolean forCreate() {
        return forCreate;
    }

    /** For exports: the changed fields being mapped; empty for all. */
    public Collection<String> fields() {
        return fields;
    }

    /** A custom option given to {@link MapRecord#values}; null when not given. */
    public Object option(String name) {
        return options.get(name);
    }

    public Map<String, Object> options() {
        return options;
    }
}
