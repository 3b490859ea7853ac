package io.connector.examples.attributesets;

import io.connector.api.UnitFor;
import io.connector.api.unit.Binder;
import io.connector.magento.MagentoModels;
import io.connector.store.binder.StoreBinder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The sets' bindings, kept in the record store as magento-backend keeps its models' (its binder
 * names only its own models, so an addon registers the same base for its binding model).
 */
@Component(service = Binder.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = AttributeSetModels.BINDING)
public class AttributeSetBinder extends StoreBinder {
}
