package io.connector.api.unit;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Maps a remote record to local values. */
@ConsumerType
public interface ImportMapper extends ConnectorUnit {

    MapRecord mapRecord(Map<String, Object> remoteRecord);

    /** For a child record (e.g. an order line) mapped as part of its parent. */
    MapRecord mapRecord(Map<String, Object> remoteRecord, MapRecord parent);
}
