package io.connector.jobs.internal.runner;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.connector.api.monitoring.ActivityListener;
import io.connector.api.monitoring.ActivityListener.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ActivityListener}s this node's workers tell how each run of a job ended. A listener
 * that throws is logged and skipped: counting must never stop a worker.
 */
final class JobActivity {

    private static final Logger LOG = LoggerFactory.getLogger(JobActivity.class);

    /** How one run of a job ended, told once its end is committed. */
    record RunEnd(String function, String channel, Outcome outcome, Duration took) {
    }

    private final List<ActivityListener> listeners = new CopyOnWriteArrayList<>();

    void add(ActivityListener listener) {
        listeners.add(listener);
    }

    void remove(ActivityListener listener) {
        listeners.remove(listener);
    }

    void tell(List<RunEnd> ends) {
        for (RunEnd end : ends) {
            for (ActivityListener listener : listeners) {
                try {
                    listener.jobEnded(end.function(), end.channel(), end.outcome(), end.took());
                } catch (RuntimeException e) {
                    LOG.warn("Activity listener {} failed on the end of a {} job ({}): {}", listener.getClass().getName(),
                            end.function(), end.outcome(), e.toString(), e);
                }
            }
        }
    }
}
