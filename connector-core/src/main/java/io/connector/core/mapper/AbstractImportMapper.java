package io.connector.core.mapper;

import java.util.Map;

import io.connector.api.ConnectorUnit;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.MapRecord;
import org.osgi.annotation.versioning.ConsumerType;

/** A mapper from remote records to local values. */
@ConsumerType
public abstract class AbstractImportMapper extends AbstractMapper implements ImportMapper {

    @Override
    protected final Class<? extends ConnectorUnit> kind() {
        return ImportMapper.class;
    }

    @Override
    protected final boolean importing() {
        return true;
    }

    @Override
    public MapRecord mapRecord(Map<String, Object> remoteRecord) {
        return newRecord(remoteRecord, null);
    }

    @Override
    public MapRecord mapRecord(Map<String, Object> remoteRecord, MapRecord parent) {
        return newRecord(remoteRecord, parent);
    }
}
