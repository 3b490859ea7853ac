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

/**
 * Customers: read with Magento's own {@code customer.info}; searched with {@code ol_customer.search},
 * which answers ids only (Magento's {@code customer.list} answers whole records, too slow for a shop
 * with many customers).
 */
@Component(name = "io.connector.magento.adapter.PartnerAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PARTNER)
public class PartnerAdapter extends MagentoAdapter {

    @Activate
    public PartnerAdapter(@Reference MagentoClients clients) {
        super(clients, "customer");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call("ol_customer.search", List.of(remoteFilters(filters))), null);
    }
}
