package io.connector.core.mapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.unit.MapRecord;
import io.connector.core.unit.AbstractUnit;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A mapper made of direct mappings (a source field copied to a target field), declared in the
 * constructor so that a subclass adds to its parent's, and of computed values
 * ({@link #computeValues}) merged over them. Values forced on the record win over both.
 */
@ConsumerType
public abstract class AbstractMapper extends AbstractUnit {

    private record Direct(String source, String target) {
    }

    private final List<Direct> direct = new ArrayList<>();

    /** Copies {@code source} to {@code target}; a missing or null source maps to null. */
    protected final void direct(String source, String target) {
        direct.add(new Direct(source, target));
    }

    /**
     * Values computed from the record, merged over the direct ones. A subclass that adds values
     * starts from {@code super.computeValues(record, forCreate, options)}.
     */
    protected Map<String, Object> computeValues(MapRecord record, boolean forCreate, Map<String, Object> options) {
        return new LinkedHashMap<>();
    }

    protected final MapRecord newRecord(Map<String, Object> source, MapRecord parent) {
        return new Record(Collections.unmodifiableMap(new LinkedHashMap<>(source)), parent);
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
            Map<String, Object> values = new LinkedHashMap<>();
            for (Direct d : direct) {
                if (fields.isEmpty() || fields.contains(d.source())) {
                    values.put(d.target(), source.get(d.source()));
                }
            }
            values.putAll(computeValues(this, forCreate, options));
            values.putAll(forced);
            return values;
        }

        @Override
        public void update(Map<String, Object> forcedValues) {
            forced.putAll(forcedValues);
        }
    }
}
