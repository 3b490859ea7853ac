package io.connector.magento.v20.internal.adapter;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.Query;
import io.connector.magento.v20.client.RestPath;

/**
 * A part of the shop's structure (websites, store groups, store views): Magento 2 lists each
 * whole, with no search and no read of one, so a record is found in its list. The admin's
 * record, id 0, is not a part of the shop the platform imports; Magento 1's API leaves it out too.
 */
abstract class StoreListAdapter extends Magento2Adapter {

    private static final String ADMIN = "0";

    StoreListAdapter(Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of(searchPath());
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        String path = searchPath();
        return items(client().get(RestPath.of(path), Query.of("fields", "id")), path).stream()
                .map(item -> Objects.toString(item.get("id"), null)).filter(id -> id != null && !id.equals(ADMIN)).toList();
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        return normalize(find(searchPath(), id));
    }

    /** The record {@code id} of the list at {@code path}, a copy. */
    protected final Map<String, Object> find(String path, String id) {
        return items(client().get(RestPath.of(path)), path).stream().filter(item -> id.equals(Objects.toString(item.get("id"), null)))
                .findFirst().map(java.util.LinkedHashMap::new)
                .orElseThrow(() -> new RemoteRecordNotFoundException("Backend " + backendRecord().name() + ": GET " + path
                        + " has no record with id " + id));
    }
}
