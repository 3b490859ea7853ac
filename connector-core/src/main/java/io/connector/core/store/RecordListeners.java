package io.connector.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
import io.connector.core.resolver.OsgiProperties;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The record listeners registered as services, by the models they hear (the whiteboard the
 * store fires to). Listeners without a {@code model} property hear every model.
 */
@Component(service = RecordListeners.class)
public final class RecordListeners {

    private final Map<RecordListener, List<String>> listeners = new ConcurrentHashMap<>();
    private final List<RecordListener> ordered = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void add(RecordListener listener, Map<String, Object> properties) {
        listeners.put(listener, List.copyOf(OsgiProperties.texts(properties.get(RecordListener.MODEL))));
        ordered.add(listener);
    }

    public void remove(RecordListener listener) {
        ordered.remove(listener);
        listeners.remove(listener);
    }

    private List<RecordListener> forModel(String model) {
        List<RecordListener> hearing = new ArrayList<>();
        for (RecordListener listener : ordered) {
            List<String> models = listeners.get(listener);
            if (models != null && (models.isEmpty() || models.contains(model))) {
                hearing.add(listener);
            }
        }
        return hearing;
    }

    enum Kind { CREATE, WRITE, UNLINK }

    void fire(Kind kind, RecordEvent event) {
        for (RecordListener listener : forModel(event.model())) {
            switch (kind) {
                case CREATE -> listener.onRecordCreate(event);
                case WRITE -> listener.onRecordWrite(event);
                case UNLINK -> listener.onRecordUnlink(event);
            }
        }
    }
}
