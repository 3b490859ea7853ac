package io.connector.api.monitoring;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what this node did: each job it ran, and the records its imports and exports
 * synchronized. A whiteboard service (the web console's metrics are one); with none registered
 * nothing is counted. Called on the job worker's thread: a listener only counts, fast, and
 * never throws (one that does is logged and skipped).
 */
@ConsumerType
public interface ActivityListener {

    /** How a run of a job ended. */
    enum Outcome {
        /** It succeeded. */
        DONE,
        /** It failed and will be tried again. */
        RETRIED,
        /** It failed for good, or has no tries left. */
        FAILED
    }

    /** Which way records went. */
    enum Direction {
        IMPORTED, EXPORTED
    }

    /**
     * A job of {@code function} in {@code channel} ran on this node for {@code took}. Told once the
     * job's end is committed; a run whose end could not be recorded (its lease had expired, its
     * transaction failed) is not told, since it runs again.
     */
    default void jobEnded(String function, String channel, Outcome outcome, Duration took) {
    }

    /**
     * {@code count} records of binding model {@code model} were created or updated from or in
     * backend record {@code backendId}. Told from inside the job's transaction, when the import
     * or export returned: a job whose transaction then fails to commit was counted all the same.
     */
    default void recordsSynchronized(String backendId, String model, Direction direction, int count) {
    }
}
