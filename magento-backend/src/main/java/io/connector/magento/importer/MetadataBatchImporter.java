package io.connector.magento.importer;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Websites, stores and store views are few, and everything else refers to them: imported at once, in the batch. */
@ConsumerType
public abstract class MetadataBatchImporter extends MagentoBatchImporter {

    @Override
    protected void importRecord(String externalId) {
        importNow(externalId);
    }

    @Override
    protected void importChunk(List<String> externalIds) {
        externalIds.forEach(this::importNow);
    }
}
