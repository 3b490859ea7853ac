package io.connector.examples.summary;

import io.connector.api.UnitFor;
import io.connector.api.store.ConnectorModels;
import io.connector.api.unit.ImportMapper;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.ProductImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The standard product mapping, plus the short description. {@code replacing} names the unit it
 * takes the place of, on every Magento version, for as long as this bundle is installed.
 */
@ConnectorModels("connector/models.json")
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT,
        replacing = "io.connector.magento.mapper.ProductImportMapper")
public class SummaryProductImportMapper extends ProductImportMapper {

    public SummaryProductImportMapper() {
        direct("short_description", "summary");
    }
}
