package io.connector.magento.importer;

import java.util.Map;

import io.connector.api.store.StoreSession;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.ProductCategoryImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/** A product category, after its parent: a missing parent is imported first, and its own parent, up to the root. */
@ConsumerType
public abstract class ProductCategoryImporter extends AbstractRecordImporter {

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        importDependency(ProductCategoryImportMapper.parentId(remote), MagentoModels.PRODUCT_CATEGORY);
    }
}
