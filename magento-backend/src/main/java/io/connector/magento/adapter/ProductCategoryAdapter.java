package io.connector.magento.adapter;

import java.util.List;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/** Product categories, which a full import takes as a whole tree, parents first. */
@ConsumerType
public interface ProductCategoryAdapter extends BackendAdapter {

    /** A category of the tree, with its depth (the root catalog is 0). */
    record Node(String id, int level) {
    }

    /** Every category, parents before their children. */
    List<Node> tree();
}
