package io.connector.magento.importer;

import io.connector.api.UnitFor;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** Websites, stores and store views are few, and everything else refers to them: imported at once, in the batch. */
@Component(service = BatchImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = {MagentoModels.WEBSITE, MagentoModels.STORE, MagentoModels.STORE_VIEW})
public class MetadataBatchImporter extends MagentoBatchImporter {

    @Override
    protected void importRecord(String externalId) {
        importNow(externalId);
    }
}
