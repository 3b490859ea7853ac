package io.connector.magento.v17.internal.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.ProductCategoryAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Product categories: Magento has no category search, only the whole tree; the connector's module
 * adds {@code oerp_catalog_category.search} for the categories changed in a period.
 */
@Component(name = "io.connector.magento.adapter.ProductCategoryAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.PRODUCT_CATEGORY)
public final class StandardProductCategoryAdapter extends MagentoAdapter implements ProductCategoryAdapter {

    @Activate
    public StandardProductCategoryAdapter(@Reference MagentoClients clients) {
        super(clients, "catalog_category");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        if (filters != null && (filters.containsKey(BatchImporter.FROM_DATE) || filters.containsKey(BatchImporter.TO_DATE))) {
            return ids(call("oerp_catalog_category.search", List.of(remoteFilters(filters))), null);
        }
        return tree().stream().map(Node::id).toList();
    }

    @Override
    public List<Node> tree() {
        List<Node> nodes = new ArrayList<>();
        walk(struct(call(resource() + ".tree", List.of()), resource() + ".tree"), nodes);
        return nodes;
    }

    private void walk(Map<String, Object> node, List<Node> into) {
        Object id = node.get("category_id");
        if (id == null) {
            throw malformed("tree nodes with a category_id", node);
        }
        Object level = node.get("level");
        into.add(new Node(id.toString(), level == null ? 0 : Integer.parseInt(level.toString())));
        if (node.get("children") instanceof List<?> children) {
            for (Object child : children) {
                walk(struct(child, resource() + ".tree"), into);
            }
        }
    }
}
