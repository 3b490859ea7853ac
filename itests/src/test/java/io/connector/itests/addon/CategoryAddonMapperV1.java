package io.connector.itests.addon;

import java.util.Map;

import io.connector.api.unit.MapRecord;
import io.connector.core.mapper.AbstractImportMapper;

/**
 * The class of version 1 of the addon bundle the hot-deploy test builds: it replaces the
 * standard partner-category import mapper and shouts the category name.
 */
public class CategoryAddonMapperV1 extends AbstractImportMapper {

    public CategoryAddonMapperV1() {
        direct("customer_group_code", "name");
    }

    @Override
    protected Map<String, Object> computeValues(MapRecord record, boolean forCreate, Map<String, Object> options) {
        Map<String, Object> values = super.computeValues(record, forCreate, options);
        values.put("name", String.valueOf(record.source().get("customer_group_code")).toUpperCase());
        values.put("mapped_by", "addon 1.0.0");
        return values;
    }
}
