package io.connector.jobs.internal.jmx;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The queue's counts per channel and state, read again once they are {@link #MAX_AGE} old: a JMX
 * scrape reads seven attributes of every channel, and one query must answer them all.
 */
final class CachedCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<Map<String, Map<String, Long>>> counts;
    private final LongSupplier nanoTime;
    private Map<String, Map<String, Long>> last;
    private long readAt;

    CachedCounts(Supplier<Map<String, Map<String, Long>>> counts, LongSupplier nanoTime) {
        this.counts = counts;
        this.nanoTime = nanoTime;
    }

    /** The jobs of {@code channel} in {@code state}; 0 when there are none. */
    synchronized long of(String channel, String state) {
        long now = nanoTime.getAsLong();
        if (last == null || now - readAt >= MAX_AGE.toNanos()) {
            last = counts.get();
            readAt = now;
        }
        return last.getOrDefault(channel, Map.of()).getOrDefault(state, 0L);
    }
}
