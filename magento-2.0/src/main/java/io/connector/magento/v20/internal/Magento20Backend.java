package io.connector.magento.v20.internal;

import io.connector.api.BackendDeclaration;
import io.connector.api.DeclareBackend;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

@Component(service = BackendDeclaration.class)
@DeclareBackend(service = MagentoModels.SERVICE, version = "2.0", parent = MagentoModels.SERVICE,
        description = "Magento 2.x, REST API")
public final class Magento20Backend implements BackendDeclaration {
}
