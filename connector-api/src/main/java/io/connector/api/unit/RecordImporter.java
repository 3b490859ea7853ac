package io.connector.api.unit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Imports one remote record, its dependencies first. */
@ConsumerType
public interface RecordImporter extends ConnectorUnit {

    /** Returns what happened, for the job's result (e.g. why it was skipped). */
    String run(String externalId, boolean force);

    /**
     * Imports several records in one store transaction (the caller's, or a new one), each in its
     * own savepoint: a record that fails is rolled back alone and named in the result with its
     * error, the others land. This default imports them one by one with {@link #run}; importers
     * that can read many records in few round trips override it.
     */
    default ChunkResult runChunk(List<String> externalIds, boolean force) {
        return environment().store().inTransaction(session -> {
            Map<String, String> imported = new LinkedHashMap<>();
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            for (String externalId : externalIds) {
                try {
                    imported.put(externalId, session.inSavepoint(s -> run(externalId, force)));
                } catch (RuntimeException e) {
                    failed.put(externalId, e);
                }
            }
            return new ChunkResult(imported, failed);
        });
    }
}
