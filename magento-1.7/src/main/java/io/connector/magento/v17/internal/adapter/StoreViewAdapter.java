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

/** Store views, through {@code ol_storeviews}. */
@Component(name = "io.connector.magento.adapter.StoreViewAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.STORE_VIEW)
public class StoreViewAdapter extends MagentoAdapter {

    @Activate
    public StoreViewAdapter(@Reference MagentoClients clients) {
        super(clients, "ol_storeviews");
    }
}
