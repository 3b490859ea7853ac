package ${package};

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.importer.MagentoBatchImporter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Finds every product's stock item and delays one import job per chunk of them (50 by default,
 * {@code --chunk N} or the backend record's {@code import.chunk}), on the Magento channel so that
 * the shop's imports share its workers. Registered for this addon's binding model: the standard
 * Magento batch importer serves only the models magento-backend names.
 */
@Component(service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = StockLevelModels.BINDING)
public class StockLevelBatchImporter extends MagentoBatchImporter {
}
