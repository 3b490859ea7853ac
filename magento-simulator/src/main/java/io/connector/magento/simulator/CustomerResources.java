package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer groups, customers (read, and updated as the connector's exports and tests do) and their
 * addresses. Magento's fault codes: customer 102 "Customer
 * not exists.", address 102 "Address not exists.", an unknown customer for an address list 101.
 */
final class CustomerResources {

    private final DataStore store;

    CustomerResources(DataStore store) {
        this.store = store;
    }

    void register(ApiMethods api) {
        RecordTable groups = store.customerGroups();
        api.add("ol_customer_groups.list", args -> listOf(groups, args.get(0)));
        api.add("ol_customer_groups.search", args -> Lookups.searchIds(groups, args.get(0)));
        api.add("ol_customer_groups.info", args -> Lookups.info(groups, args.text(0), null, 100, "Requested customer group not found."));

        RecordTable customers = store.customers();
        api.add("ol_customer.search", args -> Lookups.searchIds(customers, args.get(0)));
        api.add("customer.list", args -> listOf(customers, args.get(0)));
        api.add("customer.info", args -> Lookups.select(
                Lookups.info(customers, args.text(0), null, 102, "Customer not exists."), args.names(1), "customer_id"));

        api.add("customer.update", this::updateCustomer);

        api.add("customer_address.list", this::addressList);
        api.add("customer_address.info", args -> addressInfo(args.text(0)));
    }

    /**
     * [customer id, data]: the fields given replace the customer's (the id and creation date
     * stay), and the change date is now, as Magento's save does; true.
     */
    private Boolean updateCustomer(Arguments args) throws ApiFault {
        Map<String, Object> data = args.struct(1) == null ? Map.of() : args.struct(1);
        boolean found = store.customers().update(args.text(0), customer -> {
            data.forEach((field, value) -> {
                if (!field.equals("customer_id") && !field.equals("created_at")) {
                    customer.put(field, value);
                }
            });
            customer.put("updated_at", MagentoDates.now());
        });
        if (!found) {
            throw new ApiFault(102, "Customer not exists.");
        }
        return true;
    }

    private static List<Map<String, Object>> listOf(RecordTable table, Object filterArgument) throws ApiFault {
        Filter filter = Filter.parse(filterArgument);
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : table.ids(filter::matches)) {
            table.get(id).ifPresent(records::add);
        }
        return records;
    }

    /**
     * Magento's own signature takes a customer id; the OCA connector sends a filter
     * {@code {customer_id: {eq: id}}}. Both work; the customer id is the address's owner.
     */
    private List<Map<String, Object>> addressList(Arguments args) throws ApiFault {
        Object argument = args.get(0);
        List<String> ids;
        Filter filter;
        if (argument instanceof Map<?, ?>) {
            filter = Filter.parse(argument);
            Optional<String> customer = filter.equalityOn("customer_id");
            ids = customer.isPresent() ? store.addresses().idsOwnedBy(customer.get()) : store.addresses().ids();
        } else {
            String customer = args.text(0);
            if (!store.customers().contains(customer)) {
                throw new ApiFault(101, "Customer not exists.");
            }
            filter = Filter.ALL;
            ids = store.addresses().idsOwnedBy(customer);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (String id : ids) {
            Optional<Map<String, Object>> record = store.addresses().get(id);
            if (record.isEmpty()) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>(record.get());
            view.put("customer_id", store.addresses().ownerOf(id).orElse(null));
            if (filter.matches(view)) {
                items.add(listItem(withDefaultFlags(id, record.get())));
            }
        }
        return items;
    }

    private Map<String, Object> addressInfo(String id) throws ApiFault {
        Map<String, Object> record = Lookups.info(store.addresses(), id, null, 102, "Address not exists.");
        return withDefaultFlags(id, record);
    }

    /**
     * Magento computes is_default_billing / is_default_shipping from the customer's
     * default_billing / default_shipping, so a test that changes the customer changes them too.
     * An address whose customer is unknown keeps what it was stored with.
     */
    private Map<String, Object> withDefaultFlags(String id, Map<String, Object> record) {
        Optional<Map<String, Object>> customer = store.addresses().ownerOf(id).flatMap(store.customers()::get);
        if (customer.isPresent()) {
            record.put("is_default_billing", id.equals(Values.text(customer.get().get("default_billing"))));
            record.put("is_default_shipping", id.equals(Values.text(customer.get().get("default_shipping"))));
        }
        return record;
    }

    /**
     * An address as customer_address.list shows it, which is not as info shows it: the list
     * leaves out nil fields and writes created_at in naive UTC where info has an offset, as the
     * recorded 1.9 traffic shows.
     */
    static Map<String, Object> listItem(Map<String, Object> info) {
        Map<String, Object> item = new LinkedHashMap<>();
        info.forEach((field, value) -> {
            if (value != null) {
                item.put(field, field.equals("created_at") ? MagentoDates.naiveUtc(Values.text(value)) : value);
            }
        });
        return item;
    }
}
