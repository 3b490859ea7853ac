package io.connector.web.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

import io.connector.api.monitoring.ActivityListener;
import org.osgi.service.component.annotations.Component;

/**
 * Counts what this node did since the console started: each job function's runs by outcome and
 * their durations in a histogram, and the records imported and exported per backend and model.
 * Adders, not locks: every job of every worker thread passes here.
 */
@Component(service = {ActivityListener.class, ActivityMetrics.class})
public final class ActivityMetrics implements ActivityListener {

    /** Upper bounds of the duration buckets, in seconds: a no-op job to an hour-long batch. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600};

    /** One function's durations: per bucket (not cumulative; the text format adds them up), their sum and count. */
    static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            sum.add(seconds);
            count.increment();
        }
    }

    record RunKey(String function, String outcome) {
    }

    record RecordKey(String backendId, String model, String direction) {
    }

    final Map<String, Histogram> durations = new ConcurrentHashMap<>();
    final Map<RunKey, LongAdder> runs = new ConcurrentHashMap<>();
    final Map<RecordKey, LongAdder> records = new ConcurrentHashMap<>();

    @Override
    public void jobEnded(String function, String channel, Outcome outcome, Duration took) {
        durations.computeIfAbsent(function, f -> new Histogram()).observe(took.toNanos() / 1e9);
        runs.computeIfAbsent(new RunKey(function, outcome.name().toLowerCase(java.util.Locale.ROOT)), k -> new LongAdder())
                .increment();
    }

    @Override
    public void recordsSynchronized(String backendId, String model, Direction direction, int count) {
        records.computeIfAbsent(new RecordKey(backendId, model, direction.name().toLowerCase(java.util.Locale.ROOT)),
                k -> new LongAdder()).add(count);
    }
}
