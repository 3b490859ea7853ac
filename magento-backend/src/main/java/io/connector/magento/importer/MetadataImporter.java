package io.connector.magento.importer;

import java.util.Map;
import java.util.Objects;

import io.connector.api.store.StoreSession;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/** A website, store or store view: always rewritten (they carry no change date), their parents first. */
@ConsumerType
public abstract class MetadataImporter extends AbstractRecordImporter {

    @Override
    protected String updatedAtField() {
        return null;
    }

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        switch (model()) {
            case MagentoModels.STORE -> importDependency(Objects.toString(remote.get("website_id"), null), MagentoModels.WEBSITE);
            case MagentoModels.STORE_VIEW -> importDependency(Objects.toString(remote.get("group_id"), null), MagentoModels.STORE);
            default -> {
                // a website depends on nothing
            }
        }
    }
}
