package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.SaleOrderBatchImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link SaleOrderBatchImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.SaleOrderBatchImporter", service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.SALE_ORDER)
public final class StandardSaleOrderBatchImporter extends SaleOrderBatchImporter {
}
