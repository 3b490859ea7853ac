package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.MetadataBatchImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link MetadataBatchImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.MetadataBatchImporter", service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = {MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW})
public final class StandardMetadataBatchImporter extends MetadataBatchImporter {
}
