package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductCategoryAdapter;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.Query;
import io.connector.magento.v20.client.RestPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Product categories: {@code categories/{id}} reads one; {@code categories/list} searches them
 * (the change-date window of an incremental import); {@code categories?rootCategoryId=1} is the
 * whole tree from the root catalog, as Magento 1's {@code catalog_category.tree} (without the
 * root, Magento 2 answers the default category's tree only). The reference has neither search
 * nor tree for Magento 2.
 */
@Component(name = "io.connector.magento.v20.adapter.CatalogCategoryAdapter", service = BackendAdapter.class,
        scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.PRODUCT_CATEGORY)
public final class CatalogCategoryAdapter extends Magento2Adapter implements ProductCategoryAdapter {

    /** Magento's root catalog, above every store's root category. */
    static final String ROOT_CATALOG = "1";

    @Activate
    public CatalogCategoryAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        return "categories/list";
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("categories/{}", id);
    }

    /** Its custom attributes (the description among them) as fields, and {@code category_id}, as Magento 1 says them. */
    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        withCustomAttributes(record);
        record.remove("children");
        return rename(record, "id", "category_id");
    }

    @Override
    public List<Node> tree() {
        Object answer = client().get(RestPath.of("categories"), Query.of("rootCategoryId", ROOT_CATALOG));
        List<Node> nodes = new ArrayList<>();
        walk(struct(answer, "GET categories"), nodes);
        return nodes;
    }

    private void walk(Map<String, Object> node, List<Node> into) {
        Object id = node.get("id");
        if (id == null) {
            throw malformed("tree nodes with an id", node, "GET categories");
        }
        Object level = node.get("level");
        into.add(new Node(id.toString(), level instanceof Number n ? n.intValue() : level == null ? 0 : Integer.parseInt(level.toString())));
        if (node.get("children_data") instanceof List<?> children) {
            for (Object child : children) {
                walk(struct(child, "GET categories"), into);
            }
        }
    }
}
