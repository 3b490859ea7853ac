package io.connector.examples.attributesets;

import io.connector.api.UnitFor;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Imports one set: the base reads it (adapter), locks it, maps it (mapper), creates or updates
 * the binding and its set without firing exports, and binds it (binder).
 */
@Component(service = RecordImporter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = AttributeSetModels.BINDING)
public class AttributeSetImporter extends AbstractRecordImporter {

    /** Magento gives a set no change date: every import writes it again, a rename in Magento included. */
    @Override
    protected String updatedAtField() {
        return null;
    }
}
