package io.connector.api.unit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorUnit;
import io.connector.api.job.NothingToDoException;
import org.osgi.annotation.versioning.ConsumerType;

/** Exports one binding's record to the remote system. */
@ConsumerType
public interface Exporter extends ConnectorUnit {

    /** {@code fields}: the changed fields to export; empty for all. Returns what happened. */
    String run(long bindingId, Collection<String> fields);

    /**
     * Exports several bindings' {@code fields} in one store transaction (the caller's, or a new
     * one), each in its own savepoint: one that fails is rolled back alone and named in the
     * result with its error (keyed by its binding id as text), for the caller to export it alone;
     * one with nothing to do is named with why. This default exports them one by one with
     * {@link #run}; exporters that can send many records in few round trips override it.
     */
    default ChunkResult runChunk(List<Long> bindingIds, Collection<String> fields) {
        return environment().store().inTransaction(session -> {
            Map<String, String> exported = new LinkedHashMap<>();
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            for (long bindingId : bindingIds) {
                try {
                    exported.put(Long.toString(bindingId), session.inSavepoint(s -> run(bindingId, fields)));
                } catch (NothingToDoException e) {
                    exported.put(Long.toString(bindingId), e.getMessage());
                } catch (RuntimeException e) {
                    failed.put(Long.toString(bindingId), e);
                }
            }
            return new ChunkResult(exported, failed);
        });
    }
}
