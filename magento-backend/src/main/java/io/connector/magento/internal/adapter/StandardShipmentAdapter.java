package io.connector.magento.internal.adapter;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ShipmentAdapter;
import io.connector.magento.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** The registered {@link ShipmentAdapter}: its unit name is the base's class name, which a replacing unit names. */
@Component(name = "io.connector.magento.adapter.ShipmentAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.SHIPMENT)
public final class StandardShipmentAdapter extends ShipmentAdapter {

    @Activate
    public StandardShipmentAdapter(@Reference MagentoClients clients) {
        super(clients);
    }
}
