package io.connector.itests.addon;

import java.util.Map;

import io.connector.api.unit.MapRecord;
import io.connector.core.mapper.AbstractImportMapper;

/** The class of version 2 of the addon bundle: new code behind the same component. */
public class CategoryAddonMapperV2 extends AbstractImportMapper {

    public CategoryAddonMapperV2() {
        direct("customer_group_code", "name");
    }

    @Override
    protected Map<String, Object> computeValues(MapRecord record, boolean forCreate, Map<String, Object> options) {
        Map<String, Object> values = super.computeValues(record, forCreate, options);
        values.put("name", "Group " + record.source().get("customer_group_code"));
        values.put("mapped_by", "addon 2.0.0");
        return values;
    }
}
