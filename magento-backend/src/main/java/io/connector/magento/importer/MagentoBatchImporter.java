package io.connector.magento.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.core.sync.AbstractBatchImporter;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Searches the records (changed in the period, when the import is incremental) and delays one
 * import job per record on the Magento channel, so that a shop's imports never take every worker.
 */
@ConsumerType
@Component(service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = {MagentoModels.PARTNER_CATEGORY, MagentoModels.PRODUCT})
public class MagentoBatchImporter extends AbstractBatchImporter {

    public static final String CHANNEL = "root.magento";

    @Override
    protected String channel() {
        return CHANNEL;
    }
}
