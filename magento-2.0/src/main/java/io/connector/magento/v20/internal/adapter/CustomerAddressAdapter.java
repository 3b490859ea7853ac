package io.connector.magento.v20.internal.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.UnitFor;
import io.connector.api.unit.BackendAdapter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.AddressAdapter;
import io.connector.magento.v20.adapter.Magento2Adapter;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Customers' addresses, which Magento 2 keeps inside the customer: a book is the customer's
 * {@code addresses}, read with {@code customers/{id}}; one address is
 * {@code customers/addresses/{id}}. There is no address search.
 */
@Component(name = "io.connector.magento.v20.adapter.CustomerAddressAdapter", service = BackendAdapter.class, scope = ServiceScope.PROTOTYPE)
@UnitFor(service = MagentoModels.SERVICE, version = "2.0", model = MagentoModels.ADDRESS)
public final class CustomerAddressAdapter extends Magento2Adapter implements AddressAdapter {

    @Activate
    public CustomerAddressAdapter(@Reference Magento2Clients clients) {
        super(clients);
    }

    @Override
    protected String searchPath() {
        throw new io.connector.api.ConnectorException("Backend " + backendRecord().name() + ": Magento 2 has no address search; "
                + "addresses are read with their customer (" + MagentoModels.PARTNER + ")");
    }

    @Override
    protected RestPath recordPath(String id) {
        return RestPath.of("customers/addresses/{}", id);
    }

    @Override
    protected Map<String, Object> normalize(Map<String, Object> record) {
        return CustomerRecords.addresses(Map.of("addresses", List.of(record))).get(0);
    }

    @Override
    public List<AddressBook> readBooks(List<String> customerIds) {
        List<RestPath> paths = customerIds.stream().map(id -> RestPath.of("customers/{}", id)).toList();
        List<Object> answers = client().getAll(paths);
        List<AddressBook> books = new ArrayList<>(customerIds.size());
        for (int i = 0; i < customerIds.size(); i++) {
            try {
                if (answers.get(i) instanceof RuntimeException failure) {
                    throw failure;
                }
                books.add(new AddressBook(customerIds.get(i), CustomerRecords.addresses(struct(answers.get(i), paths.get(i).toString())),
                        null));
            } catch (RuntimeException e) {
                books.add(new AddressBook(customerIds.get(i), null, e));
            }
        }
        return books;
    }
}
