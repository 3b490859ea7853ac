package io.connector.magento.internal.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.StoreImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link StoreImportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.mapper.StoreImportMapper", service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.STORE)
public final class StandardStoreImportMapper extends StoreImportMapper {
}
