package io.connector.magento.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.connector.api.ConnectorException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.RecordImporter;
import io.connector.core.sync.AbstractRecordImporter;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A customer: its website and group imported first; on creation bound to the partner that has its
 * e-mail, if any (a customer created in both systems is one partner); then its address book.
 */
@ConsumerType
public abstract class PartnerImporter extends AbstractRecordImporter {

    /**
     * The key under which an adapter gives the customer's address book with the customer, when its
     * API answers them together: a list of addresses in the shared field names.
     */
    public static final String EMBEDDED_ADDRESSES = "addresses";

    @Override
    protected void importDependencies(StoreSession session, Map<String, Object> remote) {
        importDependency(Objects.toString(remote.get("website_id"), null), MagentoModels.WEBSITE);
        importDependency(Objects.toString(remote.get("group_id"), null), MagentoModels.PARTNER_CATEGORY);
    }

    @Override
    protected long create(StoreSession session, String externalId, Map<String, Object> values) {
        Map<String, Object> withRecord = new HashMap<>(values);
        Object email = values.get("email");
        Optional<Long> existing = email == null || email.toString().isBlank() ? Optional.empty()
                : session.query("res.partner").where("email", "=", email).where("parent_id", "=", null).order("id").first();
        existing.ifPresent(id -> withRecord.put("record_id", id));
        return super.create(session, externalId, withRecord);
    }

    /**
     * A chunk's address books, read in as few round trips as the API allows for its customers; a
     * customer record that carries its addresses (Magento 2 embeds them) is not read again.
     */
    @Override
    protected void prefetch(StoreSession session, List<Map<String, Object>> remotes) {
        addresses().prefetchAddressBooks(remotes.stream().filter(remote -> embeddedAddresses(remote) == null)
                .map(remote -> Objects.toString(remote.get("customer_id"), null)).filter(Objects::nonNull).toList());
    }

    @Override
    protected void afterImport(StoreSession session, long bindingId, Map<String, Object> remote) {
        String customerId = Objects.toString(remote.get("customer_id"), null);
        List<Map<String, Object>> embedded = embeddedAddresses(remote);
        // A new customer's addresses are new: they go in without a lookup each.
        if (embedded != null) {
            addresses().importAddressBook(session, customerId, bindingId, embedded, createdNow());
        } else {
            addresses().importAddressBook(session, customerId, bindingId, createdNow());
        }
    }

    /** The addresses the customer record carries, in the shared field names; null when it carries none. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> embeddedAddresses(Map<String, Object> remote) {
        return remote.get(EMBEDDED_ADDRESSES) instanceof List<?> list && list.stream().allMatch(a -> a instanceof Map<?, ?>)
                ? (List<Map<String, Object>>) list : null;
    }

    private AddressImporter addresses() {
        if (!(unit(RecordImporter.class, MagentoModels.ADDRESS) instanceof AddressImporter addresses)) {
            throw new ConnectorException("The " + MagentoModels.ADDRESS + " importer of backend " + backendRecord().name()
                    + " must extend " + AddressImporter.class.getName() + " to import address books");
        }
        return addresses;
    }
}
