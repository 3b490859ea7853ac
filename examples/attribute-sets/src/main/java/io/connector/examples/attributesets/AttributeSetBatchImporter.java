package io.connector.examples.attributesets;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.MagentoBatchImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Searches the sets (the adapter's search: all of them) and delays their import on the Magento
 * channel, as every Magento batch does: one {@code import_chunk} job per 50 sets, or one
 * {@code import_record} job per set, the reference's way, with {@code --chunk 1}. Registered on
 * {@code magento}, so every Magento version uses it; nothing to override.
 */
@Component(service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = AttributeSetModels.BINDING)
public class AttributeSetBatchImporter extends MagentoBatchImporter {
}
