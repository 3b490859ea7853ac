package io.connector.magento.v17.internal;

import io.connector.api.BackendDeclaration;
import io.connector.api.DeclareBackend;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;

@Component(service = BackendDeclaration.class)
@DeclareBackend(service = MagentoModels.SERVICE, version = "1.7", parent = MagentoModels.SERVICE,
        description = "Magento 1.7 and later 1.x, XML-RPC API")
public final class Magento17Backend implements BackendDeclaration {
}
