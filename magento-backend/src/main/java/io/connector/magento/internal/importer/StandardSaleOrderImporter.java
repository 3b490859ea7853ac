package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.RecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.SaleOrderImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link SaleOrderImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.SaleOrderImporter", service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.SALE_ORDER)
public final class StandardSaleOrderImporter extends SaleOrderImporter {
}
