package io.connector.magento.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** {@code ol_websites.info} as a website. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.WEBSITE)
public class WebsiteImportMapper extends AbstractImportMapper {

    public WebsiteImportMapper() {
        direct("name", "name");
        direct("code", "code");
        direct(convert("sort_order", Integer.class), "sort_order");
    }
}
