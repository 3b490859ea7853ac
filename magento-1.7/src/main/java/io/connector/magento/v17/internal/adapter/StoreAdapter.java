package io.connector.magento.v17.internal.adapter;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Stores (Magento's store groups), through {@code ol_groups}. */
@Component(name = "io.connector.magento.adapter.StoreAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.STORE)
public class StoreAdapter extends MagentoAdapter {

    @Activate
    public StoreAdapter(@Reference MagentoClients clients) {
        super(clients, "ol_groups");
    }
}
