package io.connector.magento.importer;

import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.adapter.ProductCategoryAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Product categories: all of them from the tree, one job each (a shop has tens or hundreds) at
 * priority 10 + its depth so that parents tend to run first (a category whose parent is not there
 * yet imports it itself); or, for an incremental import, those changed in the period, in chunks.
 */
@ConsumerType
public abstract class ProductCategoryBatchImporter extends MagentoBatchImporter {

    @Override
    public void run(Map<String, Object> filters) {
        if (filters.containsKey(FROM_DATE)) {
            super.run(filters);
            return;
        }
        if (!(unit(BackendAdapter.class) instanceof ProductCategoryAdapter adapter)) {
            throw new ConnectorException("The " + model() + " adapter of backend " + backendRecord().name() + " must implement "
                    + ProductCategoryAdapter.class.getName());
        }
        for (ProductCategoryAdapter.Node node : adapter.tree()) {
            delayImport(node.id(), 10 + node.level());
        }
    }
}
