package io.connector.magento.v20.internal;

import io.connector.api.BackendDeclaration;
import io.connector.api.DeclareBackend;
import io.connector.api.store.ConnectorModels;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/** magento/2.0; its models.json adds what Magento 2 has beside the shared models (a store view's media URL). */
@ConnectorModels("connector/models.json")
@Component(service = BackendDeclaration.class)
@DeclareBackend(service = MagentoModels.SERVICE, version = "2.0", parent = MagentoModels.SERVICE,
        description = "Magento 2.x, REST API")
public final class Magento20Backend implements BackendDeclaration {
}
