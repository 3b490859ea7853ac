package io.connector.magento.internal.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.PartnerImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link PartnerImportMapper}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.mapper.PartnerImportMapper", service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PARTNER)
public final class StandardPartnerImportMapper extends PartnerImportMapper {
}
