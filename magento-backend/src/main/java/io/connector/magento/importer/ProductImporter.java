package io.connector.magento.importer;

import java.util.Map;

import io.connector.api.store.StoreSession;
import io.connector.api.unit.InvalidDataException;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.mapper.ProductImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A product, after its categories. Configurable products are skipped (their variants are the
 * products sold); a type the connector cannot represent (bundle, grouped, ...) fails the job with
 * an invalid-data error instead of importing something wrong.
 */
@ConsumerType
public abstract class ProductImporter extends AbstractRecordImporter {

    @Override
    protected String mustSkip(Map<String, Object> remote) {
        Object type = remote.get("type_id");
        if ("configurable".equals(type)) {
            return "Skipped " + describe(String.valueOf(remote.get("product_id"))) + ": a configurable product; its variants are imported";
        }
        if (type == null || !ProductImportMapper.PRODUCT_TYPES.containsKey(type.toString())) {
            throw new InvalidDataException(describe(String.valueOf(remote.get("product_id"))) + " (sku "
                    + remote.get("sku") + "): product type '" + type + "' cannot be represented; supported: "
                    + String.join(", ", ProductImportMapper.PRODUCT_TYPES.keySet().stream().sorted().toList())
                    + " (configurable products are skipped)");
        }
        return null;
    }

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        for (String category : ProductImportMapper.categoryIds(remote)) {
            importDependency(category, MagentoModels.PRODUCT_CATEGORY);
        }
    }
}
