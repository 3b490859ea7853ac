package io.connector.magento.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** A Magento customer group becomes a partner category of the same name, in every version. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PARTNER_CATEGORY)
public class PartnerCategoryImportMapper extends AbstractImportMapper {

    public PartnerCategoryImportMapper() {
        direct("customer_group_code", "name");
    }
}
