package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.RemoteRecordNotFoundException;

/** The shop's stock items, as a test sets them, by product id: an adapter without a shop. */
final class FakeStockItems extends AbstractUnit implements BackendAdapter {

    private final Map<String, Map<String, Object>> items;

    /** Over {@code items}, which the test may change between imports. */
    FakeStockItems(Map<String, Map<String, Object>> items) {
        this.items = items;
    }

    static Map<String, Object> item(String productId, String sku, String qty, String inStock) {
        return Map.of("product_id", productId, "sku", sku, "qty", qty, "is_in_stock", inStock);
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return new ArrayList<>(new TreeMap<>(items).keySet());
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        Map<String, Object> item = items.get(id);
        if (item == null) {
            throw new RemoteRecordNotFoundException("No stock item for product " + id);
        }
        return item;
    }

    @Override
    public List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes) {
        return search(filters).stream().map(items::get).toList();
    }

    @Override
    public String create(Map<String, Object> data) {
        throw new UnsupportedOperationException("Stock items are only read");
    }

    @Override
    public void write(String id, Map<String, Object> data) {
        throw new UnsupportedOperationException("Stock items are only read");
    }

    @Override
    public void delete(String id) {
        throw new UnsupportedOperationException("Stock items are only read");
    }
}
