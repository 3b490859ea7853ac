package io.connector.magento.v17.internal.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Products: {@code catalog_product.list} to find them; {@code ol_catalog_product.info} to read one,
 * by id rather than SKU (the last argument), since a SKU made of digits would be taken for an id;
 * {@code oerp_cataloginventory_stock_item.update} (the Magento-side extension's method) to set a
 * product's stock.
 */
@Component(name = "io.connector.magento.adapter.ProductAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PRODUCT)
public final class StandardProductAdapter extends MagentoAdapter implements ProductAdapter {

    @Activate
    public StandardProductAdapter(@Reference MagentoClients clients) {
        super(clients, "catalog_product");
    }

    /**
     * Sets the stock of product {@code productId}: {@code qty}, {@code is_in_stock},
     * {@code manage_stock}, {@code use_config_manage_stock}, {@code backorders},
     * {@code use_config_backorders}, as given.
     */
    @Override
    public void updateStock(String productId, Map<String, Object> data) {
        checkUpdated(productId, call(STOCK_UPDATE, List.of(remoteId(productId), data)));
    }

    /**
     * The stocks of several products, in {@code multiCall}s: for each product, null when it was
     * set, or its error (a fault for that product, an answer that is not true), in order.
     */
    @Override
    public List<RuntimeException> updateStocks(List<String> productIds, List<Map<String, Object>> data) {
        List<MagentoClient.Call> calls = new java.util.ArrayList<>(productIds.size());
        for (int i = 0; i < productIds.size(); i++) {
            calls.add(new MagentoClient.Call(STOCK_UPDATE, List.of(remoteId(productIds.get(i)), data.get(i))));
        }
        List<Object> answers = calls.isEmpty() ? List.of() : client().multiCall(calls);
        List<RuntimeException> failures = new java.util.ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            try {
                if (answers.get(i) instanceof RuntimeException failure) {
                    throw failure;
                }
                checkUpdated(productIds.get(i), answers.get(i));
                failures.add(null);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private static final String STOCK_UPDATE = "oerp_cataloginventory_stock_item.update";

    private void checkUpdated(String productId, Object answer) {
        if (!done(answer)) {
            throw malformed("true for " + STOCK_UPDATE + " " + productId, answer);
        }
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
