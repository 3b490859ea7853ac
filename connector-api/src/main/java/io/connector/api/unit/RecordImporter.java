package io.connector.api.unit;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Imports one remote record, its dependencies first. */
@ConsumerType
public interface RecordImporter extends ConnectorUnit {

    /** Returns what happened, for the job's result (e.g. why it was skipped). */
    String run(String externalId, boolean force);
}
