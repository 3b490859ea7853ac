package io.connector.jobs.internal.jmx;

import io.connector.api.job.JobState;

/** The MXBean of one channel. */
final class ChannelQueue implements ChannelQueueMXBean {

    private final String channel;
    private final CachedCounts counts;

    ChannelQueue(String channel, CachedCounts counts) {
        this.channel = channel;
        this.counts = counts;
    }

    @Override
    public long getWaiting() {
        return counts.of(channel, JobState.WAITING);
    }

    @Override
    public long getPending() {
        return counts.of(channel, JobState.PENDING);
    }

    @Override
    public long getClaimed() {
        return counts.of(channel, JobState.CLAIMED);
    }

    @Override
    public long getStarted() {
        return counts.of(channel, JobState.STARTED);
    }

    @Override
    public long getDone() {
        return counts.of(channel, JobState.DONE);
    }

    @Override
    public long getFailed() {
        return counts.of(channel, JobState.FAILED);
    }

    @Override
    public long getCancelled() {
        return counts.of(channel, JobState.CANCELLED);
    }
}
