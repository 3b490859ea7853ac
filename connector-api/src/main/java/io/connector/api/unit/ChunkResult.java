package io.connector.api.unit;

import java.util.Map;

/**
 * What {@link RecordImporter#runChunk} did with each record of a chunk: what its import said (as a
 * one-record job's result), or the error that kept it out. A failed record left nothing behind:
 * the caller imports it again alone, where its failure is a job of its own.
 *
 * @param imported each landed (or skipped, or gone) record's id with what its import said, in order
 * @param failed   each failed record's id with its error, in order
 */
public record ChunkResult(Map<String, String> imported, Map<String, RuntimeException> failed) {

    public ChunkResult {
        imported = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(imported));
        failed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failed));
    }
}
