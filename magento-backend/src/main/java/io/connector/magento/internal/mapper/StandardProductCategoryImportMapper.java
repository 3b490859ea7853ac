package io.connector.magento.internal.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.ProductCategoryImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ProductCategoryImportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.mapper.ProductCategoryImportMapper", service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT_CATEGORY)
public final class StandardProductCategoryImportMapper extends ProductCategoryImportMapper {
}
