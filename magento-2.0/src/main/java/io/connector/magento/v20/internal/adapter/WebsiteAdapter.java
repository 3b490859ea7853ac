package io.connector.magento.v20.internal.adapter;

import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v20.client.Magento2Clients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Websites: {@code store/websites}. */
@Component(name = "io.connector.magento.v20.adapter.WebsiteAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.WEBSITE)
public final class WebsiteAdapter extends StoreListAdapter {

    @Activate
    public WebsiteAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "store/websites";
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        return rename(record, "id", "website_id");
    }
}
