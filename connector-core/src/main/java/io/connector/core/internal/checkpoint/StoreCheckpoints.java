package io.connector.core.internal.checkpoint;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.Checkpoints;
import io.connector.api.ConnectorException;
import io.connector.api.store.RecordStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Checkpoints as records of the {@code connector.checkpoint} model, so listeners hear new ones. */
@Component(service = Checkpoints.class)
public final class StoreCheckpoints implements Checkpoints {

    private final RecordStore store;

    @Activate
    public StoreCheckpoints(@Reference RecordStore store) {
        this.store = store;
    }

    @Override
    public long add(BackendRecord backend, String model, Long recordId, String message) {
        Map<String, Object> values = new HashMap<>();
        values.put("backend_id", backend.id());
        values.put("model", model);
        values.put("record_id", recordId);
        values.put("message", message);
        return store.inTransaction(s -> s.create(MODEL, values));
    }

    @Override
    public void review(long id, String who) {
        store.inTransaction(s -> {
            Map<String, Object> checkpoint = s.read(MODEL, id)
                    .orElseThrow(() -> new ConnectorException("No checkpoint with id " + id));
            if ("reviewed".equals(checkpoint.get("state"))) {
                throw new ConnectorException("Checkpoint " + id + " was already reviewed by " + checkpoint.get("reviewed_by")
                        + " at " + checkpoint.get("reviewed_at") + " UTC");
            }
            s.write(MODEL, id, Map.of("state", "reviewed", "reviewed_by", who,
                    "reviewed_at", LocalDateTime.now(ZoneOffset.UTC)));
            return null;
        });
    }
}
