package io.connector.magento.specific.internal;

import io.connector.api.BackendDeclaration;
import io.connector.api.DeclareBackend;
import io.connector.api.store.ConnectorModels;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/** A customer's own variant of Magento 1.7: only backends configured with this version use its units. */
@ConnectorModels("connector/models.json")
@Component(service = BackendDeclaration.class)
@DeclareBackend(service = MagentoModels.SERVICE, version = "1.7-specific", parent = "1.7",
        description = "Magento 1.7 with the customer-specific partner fields")
public final class SpecificBackend implements BackendDeclaration {
}
