package io.connector.examples.attributesets;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.RemoteRead;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.MagentoModels;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Magento 1's attribute sets over XML-RPC, on {@code magento/1.7}: a Magento 2 backend would
 * register its own adapter and share every other unit. The API only lists the sets
 * ({@code catalog_product_attribute_set.list}, no filter, no {@code info}), so the search is the
 * list's ids and a read picks its set out of the list: a chunk of sets costs one call.
 */
@Component(service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = AttributeSetModels.BINDING)
public class AttributeSetAdapter extends MagentoAdapter {

    @Activate
    public AttributeSetAdapter(@Reference MagentoClients clients) {
        super(clients, "catalog_product_attribute_set");
    }

    /** Every set, whatever the filters: a set has no change date, and a shop has a handful. */
    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(list(), "set_id");
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        return readMany(List.of(id), attributes).get(0).get();
    }

    /** A set the list lacks was deleted in Magento: the importer then has nothing to do. */
    @Override
    public List<RemoteRead> readMany(List<String> ids, List<String> attributes) {
        Map<String, Map<String, Object>> sets = structs(list(), resource() + ".list").stream()
                .collect(Collectors.toMap(set -> String.valueOf(set.get("set_id")), Function.identity()));
        return ids.stream().map(id -> sets.containsKey(id) ? RemoteRead.of(id, sets.get(id))
                : RemoteRead.failed(id, new RemoteRecordNotFoundException("Backend " + backendRecord().name()
                        + ": Magento lists no attribute set " + id))).toList();
    }

    private Object list() {
        return call(resource() + ".list", List.of());
    }
}
