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

    /**
     * In a chunk, the partners that had its customers' e-mails ({@link #prefetch}), absent for
     * none; each answers once, so that a second customer of the chunk with the same e-mail looks
     * again and finds the partner the first created.
     */
    private Map<String, Optional<Long>> partnersByEmail = new HashMap<>();

    @Override
    protected long create(StoreSession session, String externalId, Map<String, Object> values) {
        Map<String, Object> withRecord = new HashMap<>(values);
        Object email = values.get("email");
        Optional<Long> prefetched = inChunk() && email != null ? partnersByEmail.remove(email.toString()) : null;
        Optional<Long> existing = email == null || email.toString().isBlank() ? Optional.empty()
                : prefetched != null ? prefetched
                : session.query("res.partner").where("email", "=", email).where("parent_id", "=", null).order("id").first();
        existing.ifPresent(id -> withRecord.put("record_id", id));
        if (existing.isEmpty() && current != null) {
            // A new partner goes in with what its address book makes of it (a company's name, the
            // billing address), rather than be updated for it once the book is imported.
            withRecord.putAll(addresses().partnerValues(Objects.toString(current.get("customer_id"), null),
                    embeddedAddresses(current)));
        }
        return super.create(session, externalId, withRecord);
    }

    /** The customer being imported, for {@link #create}. */
    private Map<String, Object> current;

    @Override
    protected void beforeImport(StoreSession session, Map<String, Object> remote) {
        current = remote;
    }

    /**
     * A chunk's address books, read in as few round trips as the API allows for its customers; a
     * customer record that carries its addresses (Magento 2 embeds them) is not read again.
     */
    @Override
    protected void prefetch(StoreSession session, List<Map<String, Object>> remotes) {
        partnersByEmail = partnersByEmail(session, remotes.stream().map(remote -> remote.get("email"))
                .filter(email -> email != null && !email.toString().isBlank()).map(Object::toString).distinct().toList());
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

    /** The first partner without a parent of each e-mail, in one lookup for the chunk, not one a customer. */
    private static Map<String, Optional<Long>> partnersByEmail(StoreSession session, List<String> emails) {
        Map<String, Optional<Long>> found = new HashMap<>();
        for (int from = 0; from < emails.size(); from += EMAILS_A_LOOKUP) {
            List<String> part = emails.subList(from, Math.min(emails.size(), from + EMAILS_A_LOOKUP));
            part.forEach(email -> found.put(email, Optional.empty()));
            for (Map<String, Object> partner : session.query("res.partner").where("email", "in", part).where("parent_id", "=", null)
                    .order("id").read("email")) {
                Optional<Long> known = partner.get("email") == null ? null : found.get(partner.get("email").toString());
                long id = (Long) partner.get("id");
                if (known != null && (known.isEmpty() || id < known.get())) {
                    found.put(partner.get("email").toString(), Optional.of(id));
                }
            }
        }
        return found;
    }

    private static final int EMAILS_A_LOOKUP = 500;

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
