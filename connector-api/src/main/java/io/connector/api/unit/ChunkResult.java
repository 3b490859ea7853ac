package io.connector.api.unit;

import java.util.Map;

/**
 * What {@link RecordImporter#runChunk} or {@link Exporter#runChunk} did with each record of a
 * chunk: what its import or export said (as a one-record job's result), or the error that kept it
 * out. A failed record left nothing behind: the caller synchronizes it again alone, where its
 * failure is a job of its own.
 *
 * @param imported each landed (or exported, skipped, gone) record's id with what was said, in order
 * @param failed   each failed record's id with its error, in order
 */
public record ChunkResult(Map<String, String> imported, Map<String, RuntimeException> failed) {

    public ChunkResult {
        imported = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(imported));
        failed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failed));
    }
}
