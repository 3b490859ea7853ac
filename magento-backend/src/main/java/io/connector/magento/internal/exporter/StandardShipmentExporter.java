package io.connector.magento.internal.exporter;

import io.connector.api.UnitFor;
import io.connector.api.unit.Exporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.ShipmentExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ShipmentExporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.exporter.ShipmentExporter", service = Exporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.SHIPMENT)
public final class StandardShipmentExporter extends ShipmentExporter {
}
