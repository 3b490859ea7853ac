package io.connector.magento.exporter;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.connector.api.unit.MappingException;
import io.connector.core.mapper.AbstractExportMapper;
import io.connector.core.mapper.ChangedBy;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A product binding's stock as {@code oerp_cataloginventory_stock_item.update} takes it, each
 * part only when its field changed: {@code magento_qty} as {@code qty} (a double) and
 * {@code is_in_stock}; {@code manage_stock} and {@code backorders} with their
 * {@code use_config_} flags (Magento's "use the store's setting").
 */
@ConsumerType
public abstract class ProductExportMapper extends AbstractExportMapper {

    @Mapping
    @ChangedBy("magento_qty")
    public Map<String, Object> quantity(MapContext record) {
        if (!(record.get("magento_qty") instanceof BigDecimal quantity)) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("qty", quantity.doubleValue());
        values.put("is_in_stock", quantity.signum() > 0 ? 1 : 0);
        return values;
    }

    @Mapping
    @ChangedBy("manage_stock")
    public Map<String, Object> manageStock(MapContext record) {
        Object value = record.get("manage_stock");
        String setting = value == null ? "use_default" : value.toString();
        if (!setting.equals("use_default") && !setting.equals("yes") && !setting.equals("no")) {
            throw new MappingException("manage_stock '" + setting + "' is not use_default, yes or no");
        }
        return Map.of("manage_stock", setting.equals("yes") ? 1 : 0, "use_config_manage_stock", setting.equals("use_default") ? 1 : 0);
    }

    @Mapping
    @ChangedBy("backorders")
    public Map<String, Object> backorders(MapContext record) {
        Object value = record.get("backorders");
        String setting = value == null ? "use_default" : value.toString();
        int backorders = switch (setting) {
            case "use_default", "no" -> 0;
            case "yes" -> 1;
            case "yes-and-notification" -> 2;
            default -> throw new MappingException("backorders '" + setting + "' is not use_default, no, yes or "
                    + "yes-and-notification");
        };
        return Map.of("backorders", backorders, "use_config_backorders", setting.equals("use_default") ? 1 : 0);
    }
}
