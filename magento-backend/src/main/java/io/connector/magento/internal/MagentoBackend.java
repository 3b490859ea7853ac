package io.connector.magento.internal;

import io.connector.api.BackendDeclaration;
import io.connector.api.DeclareBackend;
import io.connector.api.store.ConnectorModels;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

/** The generic Magento backend: the root of every Magento version. */
@ConnectorModels("connector/models.json")
@Component(service = BackendDeclaration.class)
@DeclareBackend(service = MagentoModels.SERVICE, description = "Magento, any version")
public final class MagentoBackend implements BackendDeclaration {
}
