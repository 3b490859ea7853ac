package io.connector.magento.v20.internal.mapper;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.StoreViewImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The shared store view mapping plus the view's {@code base_media_url} (from its store config),
 * which the product adapter downloads images from: Magento 1 names each image's URL, Magento 2
 * only its file.
 */
@Component(name = "io.connector.magento.v20.mapper.StoreViewImportMapper", service = ImportMapper.class,
        scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.STORE_VIEW)
public final class StoreViewImportMapper2 extends StoreViewImportMapper {

    public StoreViewImportMapper2() {
        direct("base_media_url", "base_media_url");
    }
}
