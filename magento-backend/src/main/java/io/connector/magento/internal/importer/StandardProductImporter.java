package io.connector.magento.internal.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.RecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.ProductImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ProductImporter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.importer.ProductImporter", service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT)
public final class StandardProductImporter extends ProductImporter {

    /** With an HTTP client of its own for images (tests, which wire units by hand). */
    public StandardProductImporter() {
    }

    /** With the bundle's HTTP client for images. */
    @Activate
    public StandardProductImporter(@Reference ImageHttp images) {
        super(images.client());
    }
}
