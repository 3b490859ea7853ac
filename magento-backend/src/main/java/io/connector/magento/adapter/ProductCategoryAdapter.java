package io.connector.magento.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.unit.BatchImporter;
import io.connector.magento.client.MagentoClients;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Product categories: Magento has no category search, only the whole tree; the connector's module
 * adds {@code oerp_catalog_category.search} for the categories changed in a period.
 */
@ConsumerType
public abstract class ProductCategoryAdapter extends MagentoAdapter {

    /** A category of the tree, with its depth (the root catalog is 0). */
    public record Node(String id, int level) {
    }

    protected ProductCategoryAdapter(MagentoClients clients) {
        super(clients, "catalog_category");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        if (filters != null && (filters.containsKey(BatchImporter.FROM_DATE) || filters.containsKey(BatchImporter.TO_DATE))) {
            return ids(call("oerp_catalog_category.search", List.of(remoteFilters(filters))), null);
        }
        return tree().stream().map(Node::id).toList();
    }

    /** Every category, parents before their children. */
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
