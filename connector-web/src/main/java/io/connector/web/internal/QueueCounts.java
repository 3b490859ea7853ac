package io.connector.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.connector.api.job.JobAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The queue's counts per channel and state, read from the database at most once every few
 * seconds however many pages, scrapes and probes ask: counting a large job table is the costly
 * part of a scrape.
 */
@Component(service = QueueCounts.class, configurationPid = ConsoleConfiguration.PID)
public final class QueueCounts {

    private final Cached<Map<String, Map<String, Long>>> counts;

    @Activate
    public QueueCounts(@Reference JobAdmin admin, ConsoleConfiguration config) {
        this(admin::counts, Duration.ofSeconds(config.counts_cache_seconds()), Clock.systemUTC());
    }

    QueueCounts(Supplier<Map<String, Map<String, Long>>> read, Duration maxAge, Clock clock) {
        this.counts = new Cached<>(read, maxAge, clock);
    }

    /** Channel -> (state -> jobs), every configured channel listed. */
    public Map<String, Map<String, Long>> byChannel() {
        return counts.get();
    }

    /** Jobs in a state over every channel. */
    public long inState(String state) {
        return byChannel().values().stream().mapToLong(states -> states.getOrDefault(state, 0L)).sum();
    }

    /** A value read again once it is older than its maximum age; readers meanwhile share one read. */
    static final class Cached<T> {
        private final Supplier<T> read;
        private final Duration maxAge;
        private final Clock clock;
        private T value;
        private Instant readAt = Instant.MIN;

        Cached(Supplier<T> read, Duration maxAge, Clock clock) {
            this.read = read;
            this.maxAge = maxAge;
            this.clock = clock;
        }

        synchronized T get() {
            Instant now = clock.instant();
            if (value == null || !readAt.plus(maxAge).isAfter(now)) {
                value = read.get();
                readAt = now;
            }
            return value;
        }
    }
}
