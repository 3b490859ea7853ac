package io.connector.magento.v17;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * A Magento 1.7 customer ({@code customer.info}) as a partner. Public so that customer-specific
 * versions extend it rather than copy it.
 */
@ConsumerType
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PARTNER)
public class PartnerImportMapper extends AbstractImportMapper {

    public PartnerImportMapper() {
        direct("email", "email");
        direct("dob", "birthday");
        direct("taxvat", "vat");
    }

    /** First, middle and last name, those that are there. */
    @Mapping
    public Map<String, Object> name(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", Stream.of("firstname", "middlename", "lastname").map(record::get)
                .filter(Objects::nonNull).map(Object::toString).filter(s -> !s.isBlank())
                .collect(Collectors.joining(" ")));
        return values;
    }
}
