package io.connector.magento.mapper;

import static io.connector.magento.mapper.MagentoModifiers.utcDate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MappingException;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code ol_catalog_product.info} as a product: a simple product is stockable, a virtual or
 * downloadable one a service. Extend it to map more (see {@code examples/product-summary}).
 */
@ConsumerType
public abstract class ProductImportMapper extends AbstractImportMapper {

    /** Magento product types the connector represents, and the local type of each. */
    public static final Map<String, String> PRODUCT_TYPES = Map.of("simple", "product", "virtual", "service",
            "downloadable", "service");

    protected ProductImportMapper() {
        direct("name", "name");
        direct("sku", "sku");
        direct("description", "description");
        direct(convert("price", BigDecimal.class), "price");
        direct(convert("cost", BigDecimal.class), "cost");
        direct(convert("weight", BigDecimal.class), "weight");
        direct("type_id", "product_type");
        direct(utcDate("created_at"), "created_at");
        direct(utcDate("updated_at"), "updated_at");
    }

    @Mapping
    public Map<String, Object> type(MapContext record) {
        Object typeId = record.get("type_id");
        String type = typeId == null ? null : PRODUCT_TYPES.get(typeId.toString());
        if (type == null) {
            throw new InvalidDataException("product type '" + typeId + "' cannot be represented; supported: "
                    + String.join(", ", PRODUCT_TYPES.keySet().stream().sorted().toList()));
        }
        return Map.of("type", type);
    }

    /** Enabled (status 1) products are active; disabled (2) ones are kept inactive. */
    @Mapping
    public Map<String, Object> active(MapContext record) {
        return Map.of("active", !"2".equals(String.valueOf(record.get("status"))));
    }

    @Mapping
    public Map<String, Object> websites(MapContext record) {
        Map<String, Object> values = new HashMap<>();
        values.put("website_ids", record.get("websites") instanceof List<?> ids && !ids.isEmpty()
                ? String.join(",", ids.stream().map(String::valueOf).toList()) : null);
        return values;
    }

    /** Its categories, imported before it. */
    @Mapping
    public Map<String, Object> categories(MapContext record) {
        List<Long> ids = new ArrayList<>();
        for (String category : categoryIds(record.source())) {
            ids.add(binder(MagentoModels.PRODUCT_CATEGORY).toInternal(category, true).orElseThrow(() -> new MappingException(
                    "category " + category + " has no " + MagentoModels.PRODUCT_CATEGORY + " binding on backend "
                            + backendRecord().name() + ": import it first")));
        }
        return Map.of("category_ids", ids);
    }

    /** The Magento ids of a product's categories ({@code categories}, or {@code category_ids} in lists). */
    public static List<String> categoryIds(Map<String, Object> product) {
        Object categories = product.containsKey("categories") ? product.get("categories") : product.get("category_ids");
        return categories instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
