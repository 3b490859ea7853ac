package io.connector.api.unit;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Maps a local record to the remote system's values. */
@ConsumerType
public interface ExportMapper extends ConnectorUnit {

    MapRecord mapRecord(Map<String, Object> localRecord);

    MapRecord mapRecord(Map<String, Object> localRecord, MapRecord parent);
}
