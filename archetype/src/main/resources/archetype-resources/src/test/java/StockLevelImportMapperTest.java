package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StockLevelImportMapperTest {

    private final StockLevelImportMapper mapper = new StockLevelImportMapper();

    @Test
    void aStockItemGivesItsSkuQuantityAndWhetherItIsInStock() {
        Map<String, Object> item = FakeStockItems.item("879", "msj000", "12.0000", "1");

        assertThat(mapper.mapRecord(item).values(true)).containsOnly(
                Map.entry("sku", "msj000"), Map.entry("qty", new BigDecimal("12.0000")), Map.entry("in_stock", true));
    }

    @Test
    void aStockItemThatDoesNotSayIsNotInStock() {
        Map<String, Object> item = Map.of("product_id", "880", "sku", "msj001", "qty", "0.0000");

        assertThat(mapper.mapRecord(item).values(true)).containsEntry("in_stock", false);
    }
}
