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

/** Websites, through the {@code ol_websites} resource of the connector's Magento module. */
@Component(name = "io.connector.magento.adapter.WebsiteAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.WEBSITE)
public class WebsiteAdapter extends MagentoAdapter {

    @Activate
    public WebsiteAdapter(@Reference MagentoClients clients) {
        super(clients, "ol_websites");
    }
}
