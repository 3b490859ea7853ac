package io.connector.api.store;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** A record created, written or about to be deleted, as its listeners see it. */
@ProviderType
public interface RecordEvent {

    String model();

    long id();

    /** The values written (created: all given values); empty for a delete. */
    Map<String, Object> values();

    /** Whether the writer marked the change "no export" (an import, a bind). */
    boolean noExport();

    /** The writer's session: what a listener does with it commits or rolls back with the change. */
    StoreSession session();
}
