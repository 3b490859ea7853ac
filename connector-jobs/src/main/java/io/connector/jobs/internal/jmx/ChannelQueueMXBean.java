package io.connector.jobs.internal.jmx;

/**
 * One channel's job counts for JMX ({@code io.connector:type=JobQueue,channel=NAME}), as flat
 * numbers: what a JMX exporter scrapes without walking {@link JobMetricsMXBean}'s tables. Counted
 * in the database, so every node shows the whole queue; read a few seconds late at most.
 */
public interface ChannelQueueMXBean {

    long getWaiting();

    long getPending();

    long getClaimed();

    long getStarted();

    long getDone();

    long getFailed();

    long getCancelled();
}
