package io.connector.magento.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.magento.client.MagentoClient;
import io.connector.magento.client.MagentoClients;
import org.osgi.annotation.versioning.ConsumerType;

/** Customer addresses: {@code customer_address.list} finds a customer's, {@code .info} reads one. */
@ConsumerType
public abstract class AddressAdapter extends MagentoAdapter {

    protected AddressAdapter(MagentoClients clients) {
        super(clients, "customer_address");
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call(resource() + ".list", List.of(remoteFilters(filters))), "customer_address_id");
    }

    /** The ids of a customer's addresses. */
    public List<String> ofCustomer(String customerId) {
        return search(Map.of("customer_id", Map.of("eq", customerId)));
    }

    /**
     * The address books of several customers in two round trips: a {@code multiCall} of their
     * {@code customer_address.list}, then one of every address's {@code customer_address.info}.
     * Each customer's book, in the order of the ids, is its addresses or the first error reading
     * them, so that one customer's fault does not fail the others.
     */
    public List<AddressBook> readBooks(List<String> customerIds) {
        List<MagentoClient.Call> lists = customerIds.stream().map(id -> new MagentoClient.Call(resource() + ".list",
                List.of(remoteFilters(Map.of("customer_id", Map.of("eq", id)))))).toList();
        List<Object> listed = customerIds.isEmpty() ? List.of() : client().multiCall(lists);
        List<MagentoClient.Call> infos = new ArrayList<>();
        List<List<String>> addressIds = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < customerIds.size(); i++) {
            List<String> ids = List.of();
            RuntimeException failure = null;
            try {
                if (listed.get(i) instanceof RuntimeException e) {
                    throw e;
                }
                ids = ids(listed.get(i), "customer_address_id");
            } catch (RuntimeException e) {
                failure = e;
            }
            addressIds.add(ids);
            failures.add(failure);
            ids.forEach(id -> infos.add(new MagentoClient.Call(resource() + ".info", List.of(remoteId(id)))));
        }
        List<Object> answers = infos.isEmpty() ? List.of() : client().multiCall(infos);
        List<AddressBook> books = new ArrayList<>(customerIds.size());
        int next = 0;
        for (int i = 0; i < customerIds.size(); i++) {
            List<Map<String, Object>> addresses = new ArrayList<>();
            RuntimeException failure = failures.get(i);
            for (String id : addressIds.get(i)) {
                Object answer = answers.get(next++);
                if (failure != null) {
                    continue;
                }
                try {
                    if (answer instanceof RuntimeException e) {
                        throw e;
                    }
                    addresses.add(struct(answer, resource() + ".info " + id));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            books.add(new AddressBook(customerIds.get(i), failure == null ? addresses : null, failure));
        }
        return books;
    }

    /** A customer's addresses, or what kept them from being read. */
    public record AddressBook(String customerId, List<Map<String, Object>> addresses, RuntimeException failure) {

        /** The addresses; throws what kept them from being read. */
        public List<Map<String, Object>> get() {
            if (failure != null) {
                throw failure;
            }
            return addresses;
        }
    }

    /** Several addresses in one round trip ({@code multiCall}), in the order of the ids. */
    public List<Map<String, Object>> readAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MagentoClient.Call> calls = ids.stream().map(id -> new MagentoClient.Call(resource() + ".info",
                List.of(remoteId(id)))).toList();
        List<Map<String, Object>> records = new ArrayList<>();
        List<Object> answers = client().multiCall(calls);
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) instanceof RuntimeException failure) {
                throw failure;
            }
            records.add(struct(answers.get(i), resource() + ".info " + ids.get(i)));
        }
        return records;
    }
}
