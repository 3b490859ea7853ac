package io.connector.magento.simulator;

/**
 * Websites, stores (Magento's "groups") and store views, through the OCA module's {@code ol_*}
 * resources: {@code search} answers ids, {@code info} one record. An unknown id is fault 100,
 * as Magento's own store resource answers.
 */
final class StoreStructureResources {

    private final DataStore store;

    StoreStructureResources(DataStore store) {
        this.store = store;
    }

    void register(ApiMethods api) {
        searchAndInfo(api, "ol_websites", store.websites(), "Requested website not found.");
        searchAndInfo(api, "ol_groups", store.groups(), "Requested store not found.");
        searchAndInfo(api, "ol_storeviews", store.storeViews(), "Requested store view not found.");
    }

    private static void searchAndInfo(ApiMethods api, String resource, RecordTable table, String notFound) {
        api.add(resource + ".search", args -> Lookups.searchIds(table, args.get(0)));
        api.add(resource + ".info", args -> Lookups.info(table, args.text(0), null, 100, notFound));
    }
}
