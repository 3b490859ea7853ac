package io.connector.api.unit;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Finds the remote records to import and imports them, or delays one job per record. */
@ConsumerType
public interface BatchImporter extends ConnectorUnit {

    void run(Map<String, Object> filters);
}
