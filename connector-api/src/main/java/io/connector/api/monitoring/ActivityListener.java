package io.connector.api.monitoring;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what this node did: each job it ran, and the records its imports and exports
 * synchronized. A whiteboard service (the web console's metrics are one); with none registered
 * nothing is counted. Called on the worker's thread, inside its transaction: a listener only
 * counts, fast, and never throws.
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

    /** A job of {@code function} in {@code channel} ran on this node for {@code took}. */
    default void jobEnded(String function, String channel, Outcome outcome, Duration took) {
    }

    /** {@code count} records of {@code model} were created or updated from or in backend record {@code backendId}. */
    default void recordsSynchronized(String backendId, String model, Direction direction, int count) {
    }
}
