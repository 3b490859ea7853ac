package io.connector.magento.v17.internal.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Customer groups, through {@code ol_customer_groups}: it has no search, only a list of every group. */
@Component(name = "io.connector.magento.adapter.PartnerCategoryAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PARTNER_CATEGORY)
public class PartnerCategoryAdapter extends MagentoAdapter {

    @Activate
    public PartnerCategoryAdapter(@Reference MagentoClients clients) {
        super(clients, "ol_customer_groups");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call(resource() + ".list", List.of(remoteFilters(filters))), "customer_group_id");
    }
}
