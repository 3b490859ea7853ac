package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.MagentoBatchImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link MagentoBatchImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.MagentoBatchImporter", service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = {MagentoModels.PARTNER_CATEGORY, MagentoModels.PRODUCT})
public final class StandardMagentoBatchImporter extends MagentoBatchImporter {
}
