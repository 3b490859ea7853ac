package io.connector.examples.attributesets;

import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.InvalidDataException;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** A Magento set ({@code {set_id, name}}) as the binding's and the set's values. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = AttributeSetModels.BINDING)
public class AttributeSetImportMapper extends AbstractImportMapper {

    public AttributeSetImportMapper() {
        // The binding keeps the name as Magento has it: what a local rename is compared with.
        direct("name", "magento_name");
    }

    /** The local name: without the spaces Magento's admin lets around or between the words, so searches find it. */
    @Mapping
    public Map<String, Object> name(MapContext record) {
        Object name = record.get("name");
        if (name == null || name.toString().isBlank()) {
            throw new InvalidDataException("Magento gives the attribute set no name");
        }
        return Map.of("name", name.toString().strip().replaceAll("\\s+", " "));
    }
}
