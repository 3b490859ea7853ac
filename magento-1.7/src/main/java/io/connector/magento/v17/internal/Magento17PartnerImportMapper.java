package io.connector.magento.v17.internal;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.v17.PartnerImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link PartnerImportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.v17.PartnerImportMapper", service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PARTNER)
public final class Magento17PartnerImportMapper extends PartnerImportMapper {
}
