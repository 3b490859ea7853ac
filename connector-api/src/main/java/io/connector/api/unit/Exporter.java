package io.connector.api.unit;

import java.util.Collection;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Exports one binding's record to the remote system. */
@ConsumerType
public interface Exporter extends ConnectorUnit {

    /** {@code fields}: the changed fields to export; empty for all. Returns what happened. */
    String run(long bindingId, Collection<String> fields);
}
