package ${package};

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.RemoteRead;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.MagentoModels;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Magento 1.x's stock items, over XML-RPC: {@code cataloginventory_stock_item.list [product ids]}
 * answers {@code product_id}, {@code sku}, {@code qty} and {@code is_in_stock} of each. On
 * {@code magento/1.7}, where the XML-RPC client is; a Magento 2 backend would need an adapter of
 * its own on {@code magento/2.0}.
 */
@Component(service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = StockLevelModels.BINDING)
public class StockLevelAdapter extends MagentoAdapter {

    static final String RESOURCE = "cataloginventory_stock_item";

    @Activate
    public StockLevelAdapter(@Reference MagentoClients clients) {
        super(clients, RESOURCE);
    }

    /** Magento has no search of stock items; a stock item's id is its product's, so the products are searched. */
    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call("catalog_product.list", List.of(remoteFilters(filters))), "product_id");
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        return readMany(List.of(id), attributes).get(0).get();
    }

    /** A whole chunk in one call; a product the answer leaves out is gone from the shop. */
    @Override
    public List<RemoteRead> readMany(List<String> ids, List<String> attributes) {
        Map<String, Map<String, Object>> byProduct = new LinkedHashMap<>();
        for (Map<String, Object> item : list(ids)) {
            byProduct.put(String.valueOf(item.get("product_id")), item);
        }
        List<RemoteRead> reads = new ArrayList<>(ids.size());
        for (String id : ids) {
            Map<String, Object> item = byProduct.get(id);
            reads.add(item != null ? RemoteRead.of(id, item)
                    : RemoteRead.failed(id, new RemoteRecordNotFoundException("No stock item for product " + id)));
        }
        return reads;
    }

    @Override
    public List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes) {
        return list(search(filters));
    }

    private List<Map<String, Object>> list(List<String> productIds) {
        List<Object> ids = productIds.stream().map(MagentoAdapter::remoteId).toList();
        return structs(call(RESOURCE + ".list", List.of(ids)), RESOURCE + ".list");
    }
}
