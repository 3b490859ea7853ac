package io.connector.magento.v17.internal.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.AddressAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Customer addresses: {@code customer_address.list} reads a customer's, {@code .info} one by its id. */
@Component(name = "io.connector.magento.adapter.AddressAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "1.7", model = MagentoModels.ADDRESS)
public final class StandardAddressAdapter extends MagentoAdapter implements AddressAdapter {

    @Activate
    public StandardAddressAdapter(@Reference MagentoClients clients) {
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
     * The address books of several customers in one round trip: a {@code multiCall} of their
     * {@code customer_address.list}. Magento's list answers each address whole (its API loads the
     * book with every attribute); it only leaves out the fields that are nil and writes
     * {@code created_at} in naive UTC where {@code .info} gives an offset, the same instant, as the
     * recorded 1.9 traffic shows. So the reference's {@code customer_address.info} per address would
     * read nothing more: not made, a chunk of customers costs two round trips rather than three and
     * the shop loads each address once. Each customer's book, in the order of the ids, is its
     * addresses or the error reading them, so that one customer's fault does not fail the others.
     */
    @Override
    public List<AddressBook> readBooks(List<String> customerIds) {
        List<Object> listed = client().multiCall(customerIds.stream().map(id -> new MagentoClient.Call(resource() + ".list",
                List.of(remoteFilters(Map.of("customer_id", Map.of("eq", id)))))).toList());
        List<AddressBook> books = new ArrayList<>(customerIds.size());
        for (int i = 0; i < customerIds.size(); i++) {
            String customerId = customerIds.get(i);
            try {
                if (listed.get(i) instanceof RuntimeException e) {
                    throw e;
                }
                List<Map<String, Object>> addresses = structs(listed.get(i), resource() + ".list of customer " + customerId);
                ids(addresses, "customer_address_id"); // each must name its id
                books.add(new AddressBook(customerId, addresses, null));
            } catch (RuntimeException e) {
                books.add(new AddressBook(customerId, null, e));
            }
        }
        return books;
    }
}
