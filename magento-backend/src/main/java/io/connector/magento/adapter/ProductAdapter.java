package io.connector.magento.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/** Products, whose stock the platform exports and whose images it imports. */
@ConsumerType
public interface ProductAdapter extends BackendAdapter {

    /**
     * Sets the stock of product {@code productId} (its external id): {@code qty},
     * {@code is_in_stock}, {@code manage_stock}, {@code use_config_manage_stock},
     * {@code backorders}, {@code use_config_backorders}, as given.
     */
    void updateStock(String productId, Map<String, Object> data);

    /**
     * The stocks of several products: for each product, null when it was set, or its error (a
     * fault for that product, an answer that is not a success), in order.
     */
    List<RuntimeException> updateStocks(List<String> productIds, List<Map<String, Object>> data);

    /**
     * The images of product {@code productId} (its external id), {@code product} its record as
     * {@link #read} gave it: the main image first, then by position ({@link ProductImage#mainFirst});
     * those the shop excludes or disables are left out. None by default: an adapter that does not
     * say a product's images imports none.
     */
    default List<ProductImage> images(String productId, Map<String, Object> product) {
        return List.of();
    }
}
