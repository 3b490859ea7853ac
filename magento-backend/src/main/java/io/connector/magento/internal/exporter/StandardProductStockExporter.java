package io.connector.magento.internal.exporter;

import io.connector.api.UnitFor;
import io.connector.api.unit.Exporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.ProductStockExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ProductStockExporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.exporter.ProductStockExporter", service = Exporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT)
public final class StandardProductStockExporter extends ProductStockExporter {
}
