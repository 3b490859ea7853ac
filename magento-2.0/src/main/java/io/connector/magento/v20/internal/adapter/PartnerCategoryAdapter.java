package io.connector.magento.v20.internal.adapter;

import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Customer groups: {@code customerGroups/search} and {@code customerGroups/{id}}. */
@Component(name = "io.connector.magento.v20.adapter.PartnerCategoryAdapter", service = BackendAdapter.class,
        scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.PARTNER_CATEGORY)
public final class PartnerCategoryAdapter extends Magento2Adapter {

    @Activate
    public PartnerCategoryAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "customerGroups/search";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("customerGroups/{}", id);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        rename(record, "id", "customer_group_id");
        return rename(record, "code", "customer_group_code");
    }
}
