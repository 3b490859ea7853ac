package io.connector.store.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.connector.api.store.RecordEvent;
import io.connector.api.store.RecordListener;
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
        listeners.put(listener, models(properties.get(RecordListener.MODEL)));
        ordered.add(listener);
    }

    /** The {@code model} property, a text, an array or a collection of them. */
    private static List<String> models(Object value) {
        Stream<?> items = value == null ? Stream.empty() : value instanceof Object[] array ? Arrays.stream(array)
                : value instanceof Collection<?> collection ? collection.stream() : Stream.of(value);
        return items.map(item -> String.valueOf(item).trim()).filter(model -> !model.isEmpty()).distinct().toList();
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
