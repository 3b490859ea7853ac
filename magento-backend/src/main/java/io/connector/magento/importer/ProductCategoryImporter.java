package io.connector.magento.importer;

import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.ProductCategoryImportMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** A product category, after its parent: a missing parent is imported first, and its own parent, up to the root. */
@Component(service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT_CATEGORY)
public class ProductCategoryImporter extends AbstractRecordImporter {

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        importDependency(ProductCategoryImportMapper.parentId(remote), MagentoModels.PRODUCT_CATEGORY);
    }
}
