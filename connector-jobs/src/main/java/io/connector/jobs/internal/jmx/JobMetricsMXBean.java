package io.connector.jobs.internal.jmx;

import java.util.Map;

/**
 * Job counts for JMX ({@code io.connector:type=JobQueue}): per state, and per channel and state.
 * Counted in the database, so every node shows the whole queue.
 */
public interface JobMetricsMXBean {

    /** State -> jobs in it. */
    Map<String, Long> getJobsByState();

    /** Channel -> (state -> jobs). */
    Map<String, Map<String, Long>> getJobsByChannel();

    /** Jobs this node holds now (waiting for a thread of it, or running). */
    int getHeldHere();
}
