package io.connector.jobs.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a job again: {@code 1:60,2:180,3:10,5:300} means the first retry after 60 s, the
 * second after 180 s, the third and fourth after 10 s, the fifth and later after 300 s. A value
 * may be a range, {@code 1:10-60}, for a random delay in it. Before the smallest key, and without
 * a pattern, {@link #DEFAULT}.
 */
public final class RetryPattern {

    public static final Duration DEFAULT = Duration.ofMinutes(10);

    private record Range(long min, long max) {
        long pick() {
            return min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        }
    }

    private final TreeMap<Integer, Range> delays;

    private RetryPattern(TreeMap<Integer, Range> delays) {
        this.delays = delays;
    }

    public static final RetryPattern NONE = new RetryPattern(new TreeMap<>());

    /** Parses a pattern; a malformed one is an error that quotes it. */
    public static RetryPattern parse(String pattern) {
        TreeMap<Integer, Range> delays = new TreeMap<>();
        if (pattern == null || pattern.isBlank()) {
            return NONE;
        }
        for (String entry : pattern.split(",")) {
            String[] parts = entry.trim().split(":");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                String[] range = parts[1].trim().split("-");
                long min = Long.parseLong(range[0].trim());
                long max = range.length == 2 ? Long.parseLong(range[1].trim()) : min;
                if (range.length > 2 || min < 0 || max < min) {
                    throw new NumberFormatException();
                }
                delays.put(Integer.parseInt(parts[0].trim()), new Range(min, max));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid retry pattern '" + pattern + "' at '" + entry.trim()
                        + "': expected RETRY:SECONDS or RETRY:MIN-MAX, e.g. 1:60,2:180,3:10,5:300");
            }
        }
        return new RetryPattern(delays);
    }

    /** The delay before try number {@code retry} + 1, {@code retry} counting from 1. */
    public Duration delay(int retry) {
        Map.Entry<Integer, Range> entry = delays.floorEntry(retry);
        return entry == null ? DEFAULT : Duration.ofSeconds(entry.getValue().pick());
    }
}
