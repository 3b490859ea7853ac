package io.connector.magento.v20.internal.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v20.client.Magento2Clients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Store views: {@code store/storeViews} says a view's name, code, group and whether it is
 * active; {@code store/storeConfigs} its locale, currencies and URLs (the media URL images are
 * downloaded from). A view is the two merged. The search lists the configs, which have no admin view.
 */
@Component(name = "io.connector.magento.v20.adapter.StoreViewAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.STORE_VIEW)
public final class StoreViewAdapter extends StoreListAdapter {

    @Activate
    public StoreViewAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "store/storeConfigs";
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        Map<String, Object> view = find("store/storeViews", id);
        find("store/storeConfigs", id).forEach(view::putIfAbsent);
        return normalize(view);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        rename(record, "id", "store_id");
        return rename(record, "store_group_id", "group_id");
    }
}
