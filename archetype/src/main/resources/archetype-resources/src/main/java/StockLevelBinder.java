package ${package};

import io.connector.api.UnitFor;
import io.connector.api.unit.Binder;
import io.connector.magento.MagentoModels;
import io.connector.store.binder.StoreBinder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The bindings of stock levels, in the record store. Magento's own binder serves the models
 * magento-backend declares only, so a binding model of an addon registers its binder.
 */
@Component(service = Binder.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = StockLevelModels.BINDING)
public class StockLevelBinder extends StoreBinder {
}
