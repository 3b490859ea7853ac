package io.connector.itests.addon;

import java.util.HashMap;
import java.util.Map;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;

/** The class of version 2 of the addon bundle: new code behind the same component. */
public class CategoryAddonMapperV2 extends AbstractImportMapper {

    public CategoryAddonMapperV2() {
        direct("customer_group_code", "name");
    }

    @Mapping
    public Map<String, Object> name(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Group " + record.get("customer_group_code"));
        values.put("mapped_by", "addon 2.0.0");
        return values;
    }
}
