package io.connector.api.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A source record on its way through a mapper; the values are computed on demand. */
@ProviderType
public interface MapRecord {

    Map<String, Object> source();

    /** The record this one is a child of (an order for its lines). */
    Optional<MapRecord> parent();

    /**
     * The mapped values.
     *
     * @param forCreate whether the target is being created (only-on-create mappings run)
     * @param fields    for exports, the changed fields to map; empty for all
     * @param options   custom options readable inside mappings; a missing one reads as null
     */
    Map<String, Object> values(boolean forCreate, Collection<String> fields, Map<String, Object> options);

    default Map<String, Object> values(boolean forCreate) {
        return values(forCreate, List.of(), Map.of());
    }

    /** Forces values that win over every mapping. */
    void update(Map<String, Object> forcedValues);
}
