package io.connector.magento.internal.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.MagentoAdapter;
import io.connector.magento.client.MagentoClient;
import io.connector.magento.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Products: {@code catalog_product.list} to find them; {@code ol_catalog_product.info} to read one,
 * by id rather than SKU (the last argument), since a SKU made of digits would be taken for an id.
 */
@Component(name = "io.connector.magento.adapter.ProductAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = MagentoModels.PRODUCT)
public class ProductAdapter extends MagentoAdapter {

    @Activate
    public ProductAdapter(@Reference MagentoClients clients) {
        super(clients, "catalog_product");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call(resource() + ".list", List.of(remoteFilters(filters))), "product_id");
    }

    @Override
    protected MagentoClient.Call infoCall(String id, List<String> attributes) {
        return new MagentoClient.Call("ol_catalog_product.info",
                Arrays.asList(remoteId(id), null, attributes == null || attributes.isEmpty() ? null : attributes, "id"));
    }
}
