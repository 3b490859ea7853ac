package io.connector.itests.addon;

import java.util.HashMap;
import java.util.Map;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;

/**
 * The class of version 1 of the addon bundle the hot-deploy test builds: it replaces the
 * standard partner-category import mapper and shouts the category name.
 */
public class CategoryAddonMapperV1 extends AbstractImportMapper {

    public CategoryAddonMapperV1() {
        direct("customer_group_code", "name");
    }

    @Mapping
    public Map<String, Object> name(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", String.valueOf(record.get("customer_group_code")).toUpperCase());
        values.put("mapped_by", "addon 1.0.0");
        return values;
    }
}
