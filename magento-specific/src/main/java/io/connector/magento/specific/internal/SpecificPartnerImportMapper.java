package io.connector.magento.specific.internal;

import java.util.HashMap;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.PartnerImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The standard partner mapping (the generic backend's), plus where the customer was created and their gender. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7-specific", model = MagentoModels.PARTNER)
public final class SpecificPartnerImportMapper extends PartnerImportMapper {

    /** Magento's attribute option ids for the customer gender in this shop. */
    private static final Map<String, String> GENDERS = Map.of("123", "male", "124", "female");

    public SpecificPartnerImportMapper() {
        direct("created_in", "created_in");
    }

    @Mapping
    public Map<String, Object> gender(MapContext record) {
        Object gender = record.get("gender");
        Map<String, Object> values = new HashMap<>();
        values.put("gender", gender == null ? null : GENDERS.get(gender.toString()));
        return values;
    }
}
