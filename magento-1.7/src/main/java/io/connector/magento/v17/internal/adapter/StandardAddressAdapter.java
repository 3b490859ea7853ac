package io.connector.magento.v17.internal.adapter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.RemoteRead;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.AddressAdapter;
import io.connector.magento.v17.adapter.MagentoAdapter;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoClients;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** Customer addresses: {@code customer_address.list} finds a customer's, {@code .info} reads one. */
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
     * The address books of several customers in two round trips: a {@code multiCall} of their
     * {@code customer_address.list}, then one of every address's {@code customer_address.info}.
     * Each customer's book, in the order of the ids, is its addresses or the first error reading
     * them, so that one customer's fault does not fail the others.
     */
    @Override
    public List<AddressBook> readBooks(List<String> customerIds) {
        List<Object> listed = client().multiCall(customerIds.stream().map(id -> new MagentoClient.Call(resource() + ".list",
                List.of(remoteFilters(Map.of("customer_id", Map.of("eq", id)))))).toList());
        List<List<String>> addressIds = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        List<String> every = new ArrayList<>();
        for (Object answer : listed) {
            try {
                if (answer instanceof RuntimeException e) {
                    throw e;
                }
                List<String> ids = ids(answer, "customer_address_id");
                addressIds.add(ids);
                failures.add(null);
                every.addAll(ids);
            } catch (RuntimeException e) {
                addressIds.add(List.of());
                failures.add(e);
            }
        }
        Iterator<RemoteRead> reads = readMany(every, List.of()).iterator();
        List<AddressBook> books = new ArrayList<>(customerIds.size());
        for (int i = 0; i < customerIds.size(); i++) {
            List<Map<String, Object>> addresses = new ArrayList<>();
            RuntimeException failure = failures.get(i);
            for (int n = 0; n < addressIds.get(i).size(); n++) {
                RemoteRead read = reads.next();
                if (failure == null && read.failure() != null) {
                    failure = read.failure();
                } else if (failure == null) {
                    addresses.add(read.record());
                }
            }
            books.add(new AddressBook(customerIds.get(i), failure == null ? addresses : null, failure));
        }
        return books;
    }

    /** Several addresses in one round trip ({@code multiCall}), in the order of the ids. */
    public List<Map<String, Object>> readAll(List<String> ids) {
        return readMany(ids, List.of()).stream().map(RemoteRead::get).toList();
    }
}
