package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * {@code store/websites}, {@code store/storeGroups}, {@code store/storeViews} and
 * {@code store/storeConfigs}: whole lists, as Magento 2 answers them (no search; a client picks
 * its entry by id). Websites and store views come with the admin one (id 0) last, store groups
 * in id order, as the recorded shop lists them; configurations exist for the store views only,
 * not for the admin one.
 */
final class RestStoreResources {

    private static final String RESOURCE = "Magento_Backend::store";
    private static final String ADMIN = "0";

    private final DataStore store;

    RestStoreResources(DataStore store) {
        this.store = store;
    }

    void register(RestRoutes routes) {
        routes.add("GET", "store/websites", RESOURCE, request -> list(adminLast(store.websites()),
                id -> RestStoreShapes.website(id, store.websites().get(id).orElseThrow())));
        routes.add("GET", "store/storeGroups", RESOURCE, request -> list(store.groups().ids(),
                id -> RestStoreShapes.group(id, store.groups().get(id).orElseThrow())));
        routes.add("GET", "store/storeViews", RESOURCE, request -> list(adminLast(store.storeViews()),
                id -> RestStoreShapes.storeView(id, store.storeViews().get(id).orElseThrow())));
        routes.add("GET", "store/storeConfigs", RESOURCE, request -> list(withoutAdmin(store.storeViews()),
                id -> RestStoreShapes.storeConfig(id, store.storeViews().get(id).orElseThrow(), request.baseUrl())));
    }

    private static List<String> adminLast(RecordTable table) {
        List<String> ids = withoutAdmin(table);
        if (table.contains(ADMIN)) {
            ids.add(ADMIN);
        }
        return ids;
    }

    private static List<String> withoutAdmin(RecordTable table) {
        List<String> ids = new ArrayList<>(table.ids());
        ids.remove(ADMIN);
        return ids;
    }

    private interface Shape {
        JsonNode of(String id);
    }

    private static ArrayNode list(List<String> ids, Shape shape) {
        ArrayNode list = RestJson.array();
        for (String id : ids) {
            list.add(shape.of(id));
        }
        return list;
    }
}
