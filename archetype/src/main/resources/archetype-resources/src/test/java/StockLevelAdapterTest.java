package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.RemoteRead;
import io.connector.api.unit.RemoteRecordNotFoundException;
import org.junit.jupiter.api.Test;

/** The calls the adapter makes and how it reads the answers, with Magento's answers given here. */
class StockLevelAdapterTest {

    private final List<String> calls = new ArrayList<>();

    /** Answers as Magento 1.9 does: the products of the catalogue, and the stock items of those asked for that exist. */
    private final StockLevelAdapter adapter = new StockLevelAdapter(null) {
        @Override
        protected Object call(String method, List<?> args) {
            calls.add(method + " " + args);
            return switch (method) {
                case "catalog_product.list" -> List.of(Map.of("product_id", "879", "sku", "msj000"),
                        Map.of("product_id", "880", "sku", "msj001"));
                case "cataloginventory_stock_item.list" -> ((List<?>) args.get(0)).stream()
                        .filter(id -> id.equals(879) || id.equals(880))
                        .map(id -> FakeStockItems.item(id.toString(), "msj" + id, "5.0000", "1")).toList();
                default -> throw new AssertionError("Unexpected call " + method);
            };
        }
    };

    @Test
    void theStockItemsToImportAreTheProducts() {
        assertThat(adapter.search(Map.of())).containsExactly("879", "880");
        assertThat(calls).containsExactly("catalog_product.list [{}]");
    }

    @Test
    void aChunkIsReadInOneCallAndAProductWithoutStockItemIsGone() {
        List<RemoteRead> reads = adapter.readMany(List.of("880", "999", "879"), List.of());

        assertThat(calls).containsExactly("cataloginventory_stock_item.list [[880, 999, 879]]");
        assertThat(reads).extracting(RemoteRead::id).containsExactly("880", "999", "879");
        assertThat(reads.get(0).get()).containsEntry("sku", "msj880");
        assertThat(reads.get(1).failure()).isInstanceOf(RemoteRecordNotFoundException.class);
        assertThat(reads.get(2).get()).containsEntry("qty", "5.0000");
    }
}
