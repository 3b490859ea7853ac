package io.connector.magento.mapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.MappingException;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import io.connector.magento.internal.mapper.PhpSerialized;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An order item ({@code sales_order.info}'s {@code items}, already merged by the order importer)
 * as an order line. The unit price is the row total over the quantity, with or without tax as the
 * store view's prices are ({@link SaleOrderImportMapper#TAX_INCLUDED}); the discount is Magento's
 * discount amount as a percentage of that row; the options chosen (a configurable product's
 * attributes, custom options) become the line's notes. Amounts are the order's currency's (the
 * reference mixes base and order currency, which differ on a multi-currency shop).
 */
@ConsumerType
public abstract class SaleOrderLineImportMapper extends AbstractImportMapper {

    /** The item's external id, taken out of the values by the importer to bind the line. */
    public static final String EXTERNAL_ID = "external_id";

    protected SaleOrderLineImportMapper() {
        direct("item_id", EXTERNAL_ID);
        direct("name", "name");
        direct(convert("qty_ordered", BigDecimal.class), "quantity");
        direct(backendToM2o("product_id", MagentoModels.PRODUCT), "product_id");
        direct(convert("tax_percent", BigDecimal.class), "tax_rate");
    }

    @Mapping
    public Map<String, Object> kind(MapContext item) {
        return Map.of("kind", "product");
    }

    @Mapping
    public Map<String, Object> price(MapContext item) {
        boolean taxIncluded = Boolean.TRUE.equals(item.option(SaleOrderImportMapper.TAX_INCLUDED));
        BigDecimal quantity = amount(item.get("qty_ordered"));
        BigDecimal row = amount(item.get(taxIncluded ? "row_total_incl_tax" : "row_total"));
        BigDecimal discount = amount(item.get("discount_amount"));
        Map<String, Object> values = new HashMap<>();
        values.put("price_unit", quantity.signum() == 0 ? BigDecimal.ZERO.setScale(4) : row.divide(quantity, 4, RoundingMode.HALF_UP));
        values.put("discount", discount.signum() > 0 && row.signum() > 0
                ? discount.multiply(BigDecimal.valueOf(100)).divide(row, 3, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(3));
        values.put("price_subtotal", row.subtract(discount).setScale(2, RoundingMode.HALF_UP));
        values.put("price_tax", amount(item.get("tax_amount")).setScale(2, RoundingMode.HALF_UP));
        return values;
    }

    /**
     * "Color: Indigo; Size: XS [wbk003xs]": custom options, then a configurable product's attributes,
     * from {@code product_options}: Magento 1's serialized text, or the same lists already parsed.
     */
    @Mapping
    public Map<String, Object> notes(MapContext item) {
        Object options = item.get("product_options");
        // Magento 1 sends them PHP-serialized; an adapter that reads them otherwise gives them parsed.
        Object parsed = options instanceof String text && !text.isBlank() ? PhpSerialized.parse(text) : options;
        List<String> chosen = new ArrayList<>();
        if (parsed instanceof Map<?, ?> byList) {
            for (String list : List.of("options", "attributes_info")) {
                Object entries = byList.get(list);
                if (entries instanceof Map<?, ?> || entries instanceof List<?>) {
                    for (Object entry : entries instanceof Map<?, ?> map ? map.values() : (List<?>) entries) {
                        if (entry instanceof Map<?, ?> option && option.get("label") != null) {
                            chosen.add(option.get("label") + ": " + option.get("value"));
                        }
                    }
                }
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("notes", chosen.isEmpty() ? null : String.join("; ", chosen) + (item.get("sku") == null ? "" : " [" + item.get("sku") + "]"));
        return values;
    }

    /** A Magento amount ("12.3400"), zero when empty. */
    public static BigDecimal amount(Object value) {
        if (value == null || value.toString().isBlank() || Boolean.FALSE.equals(value)) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new MappingException("'" + value + "' is not an amount");
        }
    }
}
