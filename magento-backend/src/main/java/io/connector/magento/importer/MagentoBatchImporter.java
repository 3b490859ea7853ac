package io.connector.magento.importer;

import io.connector.core.sync.AbstractBatchImporter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Searches the records (changed in the period, when the import is incremental) and delays one
 * import job per record on the Magento channel, so that a shop's imports never take every worker.
 */
@ConsumerType
public abstract class MagentoBatchImporter extends AbstractBatchImporter {

    public static final String CHANNEL = "root.magento";

    @Override
    protected String channel() {
        return CHANNEL;
    }
}
