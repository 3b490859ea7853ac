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
