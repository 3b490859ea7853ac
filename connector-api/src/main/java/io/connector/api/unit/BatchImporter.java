package io.connector.api.unit;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Finds the remote records to import and imports them, or delays one job per chunk of records. */
@ConsumerType
public interface BatchImporter extends ConnectorUnit {

    /**
     * Filter: only records changed at or after this instant (an ISO local date-time in UTC,
     * e.g. {@code 2026-11-22T10:15:00}); the adapter turns it into the remote system's filter.
     */
    String FROM_DATE = "from_date";

    /** Filter: only records changed before this instant (same format as {@link #FROM_DATE}). */
    String TO_DATE = "to_date";

    /**
     * Option given with the filters, not sent to the remote system: how many records one import
     * job takes (a whole number from 1; 1 is one job per record). Without it, the importer's
     * default.
     */
    String CHUNK_SIZE = "chunk_size";

    void run(Map<String, Object> filters);
}
