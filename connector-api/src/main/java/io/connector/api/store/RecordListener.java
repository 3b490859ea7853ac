package io.connector.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Listens to changes of records, inside the writer's transaction. A whiteboard service: its
 * {@code model} service property (one or several models) says which models it hears; without
 * it, it hears every model. An exception from a listener fails the write.
 */
@ConsumerType
public interface RecordListener {

    /** The service property naming the models a listener hears. */
    String MODEL = "model";

    default void onRecordCreate(RecordEvent event) {
    }

    default void onRecordWrite(RecordEvent event) {
    }

    /** Before the record is deleted: it can still be read. */
    default void onRecordUnlink(RecordEvent event) {
    }
}
