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

/**
 * Customers: {@code customers/search} for ids, {@code customers/{id}} for one, its address book
 * included, so a customer and its addresses take one request (the reference reads the customer a
 * second time for them).
 */
@Component(name = "io.connector.magento.v20.adapter.PartnerAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.PARTNER)
public final class PartnerAdapter extends Magento2Adapter {

    @Activate
    public PartnerAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "customers/search";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("customers/{}", id);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        return CustomerRecords.customer(record);
    }
}
