package io.connector.magento.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** {@code ol_groups.info} (a store group) as a store of its website. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.STORE)
public class StoreImportMapper extends AbstractImportMapper {

    public StoreImportMapper() {
        direct("name", "name");
        direct(backendToM2o("website_id"), "website_id");
    }
}
