package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.RecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.AddressImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link AddressImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.AddressImporter", service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.ADDRESS)
public final class StandardAddressImporter extends AddressImporter {
}
