package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code customerGroups/search}, {@code customerGroups/{id}}, {@code customers/search} and
 * {@code customers/{id}} (with the customer's addresses), over the same customer groups,
 * customers and addresses as {@code ol_customer_groups}, {@code customer} and
 * {@code customer_address}. Searches filter the fields Magento 2 answers, {@code entity_id}
 * naming the id as in Magento's collections. An unknown id is Magento's 404 "No such entity".
 */
final class RestCustomerResources {

    private static final String GROUPS = "Magento_Customer::group";
    private static final String CUSTOMERS = "Magento_Customer::customer";
    private static final Map<String, String> ALIASES = Map.of("entity_id", "id");

    private final DataStore store;

    RestCustomerResources(DataStore store) {
        this.store = store;
    }

    void register(RestRoutes routes) {
        RecordTable groups = store.customerGroups();
        routes.add("GET", "customerGroups/search", GROUPS, request -> RestSearches.search(request, groups.ids(), this::group, ALIASES));
        routes.add("GET", "customerGroups/{id}", GROUPS, request -> {
            String id = request.param("id");
            if (!groups.contains(id)) {
                throw RestError.noSuchEntity("id", id);
            }
            return group(id);
        });
        RecordTable customers = store.customers();
        routes.add("GET", "customers/search", CUSTOMERS, request -> RestSearches.search(request, customers.ids(), this::customer, ALIASES));
        routes.add("GET", "customers/{id}", CUSTOMERS, request -> {
            String id = request.param("id");
            if (!customers.contains(id)) {
                throw RestError.noSuchEntity("customerId", id);
            }
            return customer(id);
        });
    }

    private ObjectNode group(String id) {
        return RestCustomerShapes.group(id, store.customerGroups().get(id).orElseThrow());
    }

    /** The customer with the addresses its address book holds, in id order; null when it is gone. */
    private JsonNode customer(String id) {
        Map<String, Object> record = store.customers().get(id).orElse(null);
        if (record == null) {
            return null;
        }
        Map<String, Map<String, Object>> addresses = new LinkedHashMap<>();
        for (String addressId : store.addresses().idsOwnedBy(id)) {
            store.addresses().get(addressId).ifPresent(address -> addresses.put(addressId, address));
        }
        return RestCustomerShapes.customer(id, record, addresses);
    }
}
