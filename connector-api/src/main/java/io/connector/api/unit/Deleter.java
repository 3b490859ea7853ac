package io.connector.api.unit;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Deletes a record in the remote system. */
@ConsumerType
public interface Deleter extends ConnectorUnit {

    String run(String externalId);
}
