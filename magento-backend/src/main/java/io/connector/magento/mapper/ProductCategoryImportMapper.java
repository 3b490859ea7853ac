package io.connector.magento.mapper;

import java.util.HashMap;
import java.util.Map;

import io.connector.api.unit.MappingException;
import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/** {@code catalog_category.info} as a product category under its parent (imported first). */
@ConsumerType
public abstract class ProductCategoryImportMapper extends AbstractImportMapper {

    protected ProductCategoryImportMapper() {
        direct("description", "description");
        direct(convert("position", Integer.class), "sequence");
    }

    /**
     * A real Magento 1.7 shop's root (level 0, the parent of every root catalog) has no name:
     * it is the shop's whole catalogue, so it takes the backend's name, as the reference's does.
     * Any other category without a name is still an error naming it.
     */
    @Mapping
    public Map<String, Object> name(MapContext record) {
        Object name = record.get("name");
        boolean unnamed = name == null || name.toString().isBlank();
        Map<String, Object> values = new HashMap<>();
        values.put("name", unnamed && "0".equals(String.valueOf(record.get("level")).trim()) ? backendRecord().name()
                : unnamed ? null : name);
        return values;
    }

    /** The root catalog's parent is 0, which is no category. */
    @Mapping
    public Map<String, Object> parent(MapContext record) {
        String parent = parentId(record.source());
        Map<String, Object> values = new HashMap<>();
        values.put("parent_id", parent == null ? null : binder(MagentoModels.PRODUCT_CATEGORY).toInternal(parent, true)
                .orElseThrow(() -> new MappingException("parent_id = " + parent + " has no " + MagentoModels.PRODUCT_CATEGORY
                        + " binding on backend " + backendRecord().name() + ": import it first")));
        return values;
    }

    /** The parent's Magento id, or null for none. */
    public static String parentId(Map<String, Object> category) {
        Object parent = category.get("parent_id");
        String text = parent == null ? "" : parent.toString().trim();
        return text.isEmpty() || text.equals("0") ? null : text;
    }
}
