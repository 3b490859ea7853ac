package io.connector.magento.v17.internal.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductAdapter;
import io.connector.magento.adapter.ProductImage;
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
 * product's stock; {@code product_media.list} (by id, as the reference asks) for its images.
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

    private static final String MEDIA_LIST = "product_media.list";

    /**
     * {@code product_media.list [id, nil, "id"]}: {@code [{file, label, position, exclude, url,
     * types}]}; the main image is the one with the {@code image} type, an excluded one ({@code
     * exclude} 1) is left out.
     */
    @Override
    public List<ProductImage> images(String productId, Map<String, Object> product) {
        List<ProductImage> images = new java.util.ArrayList<>();
        for (Map<String, Object> media : structs(call(MEDIA_LIST, Arrays.asList(remoteId(productId), null, "id")),
                MEDIA_LIST + " " + productId)) {
            if (done(media.get("exclude")) || media.get("file") == null || media.get("url") == null) {
                continue;
            }
            Object label = media.get("label");
            images.add(new ProductImage(media.get("file").toString(), media.get("url").toString(),
                    label == null ? null : label.toString(), position(media.get("position")),
                    media.get("types") instanceof List<?> types && types.contains("image")));
        }
        return ProductImage.mainFirst(images);
    }

    /** Magento 1 answers a position as text, "1"; none or not a number sorts last. */
    private static int position(Object value) {
        try {
            return value == null ? Integer.MAX_VALUE : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
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
