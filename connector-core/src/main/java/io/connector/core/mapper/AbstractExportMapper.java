package io.connector.core.mapper;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import io.connector.api.unit.ExportMapper;
import io.connector.api.unit.MapRecord;
import org.osgi.annotation.versioning.ConsumerType;

/** A mapper from local records to the remote system's values. */
@ConsumerType
public abstract class AbstractExportMapper extends AbstractMapper implements ExportMapper {

    @Override
    protected final Class<? extends ConnectorUnit> kind() {
        return ExportMapper.class;
    }

    @Override
    protected final boolean importing() {
        return false;
    }

    @Override
    public MapRecord mapRecord(Map<String, Object> localRecord) {
        return newRecord(localRecord, null);
    }

    @Override
    public MapRecord mapRecord(Map<String, Object> localRecord, MapRecord parent) {
        return newRecord(localRecord, parent);
    }
}
