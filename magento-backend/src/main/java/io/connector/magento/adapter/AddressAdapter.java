package io.connector.magento.adapter;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.BackendAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Customers' address books. Magento 1 keeps addresses as records of their own
 * ({@code customer_address.*}); Magento 2 embeds them in the customer. Either way the importer
 * asks for whole books, a chunk of customers at a time, in as few round trips as the API allows.
 */
@ConsumerType
public interface AddressAdapter extends BackendAdapter {

    /**
     * The address books of {@code customerIds}, in their order: each customer's addresses, or the
     * first error reading them, so that one customer's fault does not fail the others.
     */
    List<AddressBook> readBooks(List<String> customerIds);

    /** One customer's address book. */
    default AddressBook readBook(String customerId) {
        return readBooks(List.of(customerId)).get(0);
    }

    /** A customer's addresses, or what kept them from being read. */
    record AddressBook(String customerId, List<Map<String, Object>> addresses, RuntimeException failure) {

        /** The addresses; throws what kept them from being read. */
        public List<Map<String, Object>> get() {
            if (failure != null) {
                throw failure;
            }
            return addresses;
        }
    }
}
