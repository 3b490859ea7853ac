package io.connector.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.connector.api.monitoring.ActivityListener;
import io.connector.api.monitoring.ActivityListener.Direction;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link ActivityListener}s, told what the import and export jobs synchronized:
 * one reference the job functions share. A listener that throws is logged and skipped, since
 * counting must never fail the job that did the work.
 */
@Component(service = ActivityListeners.class)
public final class ActivityListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityListeners.class);

    private final List<ActivityListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(ActivityListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ActivityListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; nothing when no record was synchronized. */
    public void recordsSynchronized(String backendId, String model, Direction direction, int count) {
        if (count <= 0) {
            return;
        }
        for (ActivityListener listener : listeners) {
            try {
                listener.recordsSynchronized(backendId, model, direction, count);
            } catch (RuntimeException e) {
                LOG.warn("Activity listener {} failed on {} {} records of {} (backend {}): {}", listener.getClass().getName(),
                        count, direction, model, backendId, e.toString(), e);
            }
        }
    }
}
