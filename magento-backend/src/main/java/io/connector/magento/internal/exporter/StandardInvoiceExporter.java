package io.connector.magento.internal.exporter;

import io.connector.api.UnitFor;
import io.connector.api.unit.Exporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.exporter.InvoiceExporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link InvoiceExporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.exporter.InvoiceExporter", service = Exporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.INVOICE)
public final class StandardInvoiceExporter extends InvoiceExporter {
}
