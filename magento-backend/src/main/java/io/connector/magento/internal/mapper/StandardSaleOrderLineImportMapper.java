package io.connector.magento.internal.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.SaleOrderLineImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link SaleOrderLineImportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.mapper.SaleOrderLineImportMapper", service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.SALE_ORDER_LINE)
public final class StandardSaleOrderLineImportMapper extends SaleOrderLineImportMapper {
}
