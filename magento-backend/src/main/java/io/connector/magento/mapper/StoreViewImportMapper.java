package io.connector.magento.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** {@code ol_storeviews.info} as a store view of its store ({@code group_id}). */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.STORE_VIEW)
public class StoreViewImportMapper extends AbstractImportMapper {

    public StoreViewImportMapper() {
        direct("name", "name");
        direct("code", "code");
        direct(convert("is_active", Boolean.class), "is_active");
        direct(convert("sort_order", Integer.class), "sort_order");
        direct(backendToM2o("group_id"), "store_id");
    }
}
