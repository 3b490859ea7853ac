package ${package};

import java.math.BigDecimal;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.ImportMapper;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/** A Magento stock item to a stock level's values. */
@Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, model = StockLevelModels.BINDING)
public class StockLevelImportMapper extends AbstractImportMapper {

    public StockLevelImportMapper() {
        direct("sku", "sku");
        // Magento sends quantities as text ("12.0000").
        direct(convert("qty", BigDecimal.class), "qty");
    }

    /** Magento says "1" or "0"; a stock item that does not say is not in stock, rather than unknown. */
    @Mapping
    public Map<String, Object> inStock(MapContext record) {
        Object flag = record.get("is_in_stock");
        return Map.of("in_stock", flag != null && ("1".equals(flag.toString()) || Boolean.TRUE.equals(flag)));
    }
}
