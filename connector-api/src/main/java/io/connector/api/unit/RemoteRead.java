package io.connector.api.unit;

import java.util.Map;
import java.util.Objects;

/**
 * One record of a {@link BackendAdapter#readMany}: the record, or why it could not be read (a
 * {@link RemoteRecordNotFoundException} when it is gone, a remote fault for that id), so that one
 * bad id does not cost the others their read.
 *
 * @param id      the remote id asked for
 * @param record  the record; null when {@code failure} is set
 * @param failure what reading it raised; null when it was read
 */
public record RemoteRead(String id, Map<String, Object> record, RuntimeException failure) {

    public RemoteRead {
        Objects.requireNonNull(id, "id");
        if ((record == null) == (failure == null)) {
            throw new IllegalArgumentException("A read of " + id + " has either a record or a failure");
        }
    }

    public static RemoteRead of(String id, Map<String, Object> record) {
        return new RemoteRead(id, record, null);
    }

    public static RemoteRead failed(String id, RuntimeException failure) {
        return new RemoteRead(id, null, failure);
    }

    /** The record; throws what reading it raised. */
    public Map<String, Object> get() {
        if (failure != null) {
            throw failure;
        }
        return record;
    }
}
