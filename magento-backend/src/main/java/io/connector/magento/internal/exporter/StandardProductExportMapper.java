package io.connector.magento.internal.exporter;

import io.connector.api.UnitFor;
import io.connector.api.unit.ExportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.ProductExportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ProductExportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.exporter.ProductExportMapper", service = ExportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT)
public final class StandardProductExportMapper extends ProductExportMapper {
}
