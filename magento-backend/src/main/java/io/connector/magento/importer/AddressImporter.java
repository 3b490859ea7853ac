package io.connector.magento.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.connector.api.ConnectorException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.ImportMapper;
import io.connector.api.unit.InvalidDataException;
import io.connector.api.unit.MappingException;
import io.connector.api.unit.RecordImporter;
import io.connector.magento.MagentoModels;
import io.connector.magento.adapter.AddressAdapter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A customer's address book, imported with the customer (a Magento address does not say whose it
 * is). The reference's rules: when the default billing address has a company, the customer is a
 * company and every address becomes one of its contacts; without a company, the default billing
 * address is merged into the customer's partner; every other address becomes an invoice,
 * delivery or contact address under it.
 */
@ConsumerType
public abstract class AddressImporter extends AbstractUnit implements RecordImporter {

    @Override
    public String run(String externalId, boolean force) {
        throw new ConnectorException("Magento addresses are imported with their customer: import the "
                + MagentoModels.PARTNER + " the address " + externalId + " belongs to");
    }

    /** Address books read ahead for a chunk of customers, by customer id; taken as they are imported. */
    private final Map<String, AddressAdapter.AddressBook> prefetched = new HashMap<>();

    /** Reads the address books of a chunk's customers at once, for {@link #importAddressBook} to take. */
    public void prefetchAddressBooks(List<String> customerIds) {
        prefetched.clear();
        if (customerIds.isEmpty()) {
            return;
        }
        for (AddressAdapter.AddressBook book : adapter().readBooks(customerIds)) {
            prefetched.put(book.customerId(), book);
        }
    }

    /**
     * The customer whose new partner {@link #partnerValues} filled in, until its address book is
     * imported; and while it is, that partner: its merged billing address then writes only its
     * binding.
     */
    private String carriedFor;
    private Long carriedBy;

    /**
     * What a new customer's address book makes of its partner, for the partner's creation to
     * carry, so that no update of it follows: a company's flag and name, or else the default
     * billing address's fields. Empty when the book is not at hand (not read with a chunk, nor
     * embedded) or the billing address does not map: its own import then says why, and writes the
     * partner as before. {@link #importAddressBook} for that customer, as new, then leaves them out.
     */
    public Map<String, Object> partnerValues(String customerId, List<Map<String, Object>> embedded) {
        carriedFor = null;
        AddressAdapter.AddressBook book = embedded != null || customerId == null ? null : prefetched.get(customerId);
        List<Map<String, Object>> addresses = embedded != null ? embedded : book == null ? null : book.get();
        if (addresses == null) {
            return Map.of();
        }
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> billing = addresses.stream().filter(AddressImporter::isDefaultBilling).findFirst().orElse(null);
        if (billing != null && hasText(billing.get("company"))) {
            values.put("is_company", true);
            values.put("name", billing.get("company").toString().trim());
        } else if (billing != null) {
            Map<String, Object> mapped;
            try {
                mapped = unit(ImportMapper.class).mapRecord(billing).values(true);
            } catch (MappingException | InvalidDataException e) {
                return Map.of();
            }
            Set<String> own = bindingFields();
            mapped.forEach((field, value) -> {
                if (!own.contains(field) && !field.equals("name") && !field.equals("type")) {
                    values.put(field, value);
                }
            });
        }
        carriedFor = customerId;
        return values;
    }

    /** The address binding's own fields: the others are its partner's. */
    private Set<String> bindingFields() {
        return environment().store().model(MagentoModels.ADDRESS).map(m -> m.fields().keySet())
                .orElseThrow(() -> new ConnectorException("Model " + MagentoModels.ADDRESS + " is not declared"));
    }

    private AddressAdapter adapter() {
        if (!(unit(BackendAdapter.class) instanceof AddressAdapter adapter)) {
            throw new ConnectorException("The " + MagentoModels.ADDRESS + " adapter of backend " + backendRecord().name()
                    + " must implement " + AddressAdapter.class.getName());
        }
        return adapter;
    }

    /**
     * Imports the addresses of {@code customerId}, whose partner binding is {@code partnerBindingId}:
     * those {@link #prefetchAddressBooks} read, else read now.
     */
    public void importAddressBook(StoreSession session, String customerId, long partnerBindingId) {
        importAddressBook(session, customerId, partnerBindingId, false);
    }

    /**
     * As {@link #importAddressBook(StoreSession, String, long)}; with {@code newCustomer}, the
     * customer's partner was created by this import, and its addresses are created without being
     * looked up first (one that another customer's import bound is still updated, not doubled).
     */
    public void importAddressBook(StoreSession session, String customerId, long partnerBindingId, boolean newCustomer) {
        AddressAdapter.AddressBook book = customerId == null ? null : prefetched.remove(customerId);
        importAddressBook(session, customerId, partnerBindingId, (book != null ? book : adapter().readBook(customerId)).get(),
                newCustomer);
    }

    /** Imports {@code addresses}, the whole address book of {@code customerId}, read with the customer. */
    public void importAddressBook(StoreSession session, String customerId, long partnerBindingId,
            List<Map<String, Object>> addresses) {
        importAddressBook(session, customerId, partnerBindingId, addresses, false);
    }

    /** As {@link #importAddressBook(StoreSession, String, long, List)}, for a new customer or not (above). */
    public void importAddressBook(StoreSession session, String customerId, long partnerBindingId,
            List<Map<String, Object>> addresses, boolean newCustomer) {
        long partner = binder(MagentoModels.PARTNER).unwrapBinding(partnerBindingId);
        boolean company = addresses.stream().anyMatch(a -> isDefaultBilling(a) && hasText(a.get("company")));
        boolean carried = newCustomer && customerId != null && customerId.equals(carriedFor);
        carriedFor = null;
        if (company && !carried) {
            Map<String, Object> asCompany = new HashMap<>();
            asCompany.put("is_company", true);
            addresses.stream().filter(a -> isDefaultBilling(a) && hasText(a.get("company"))).findFirst()
                    .ifPresent(a -> asCompany.put("name", a.get("company").toString().trim()));
            session.noExport().write("res.partner", partner, asCompany);
        }
        for (Map<String, Object> address : addresses) {
            String addressId = Objects.toString(address.get("customer_address_id"), null);
            if (addressId == null) {
                throw new InvalidDataException("Backend " + backendRecord().name() + ": an address of customer " + customerId
                        + " has no customer_address_id");
            }
            boolean merge = !company && isDefaultBilling(address);
            carriedBy = carried ? partner : null;
            try {
                importAddress(session, addressId, address, partnerBindingId, partner, merge, newCustomer);
            } finally {
                carriedBy = null;
            }
        }
    }

    /**
     * The address looked up first; an address book no longer calls it.
     *
     * @deprecated override {@link #importAddress(StoreSession, String, Map, long, long, boolean, boolean)}, which
     *             an address book calls
     */
    @Deprecated
    protected void importAddress(StoreSession session, String addressId, Map<String, Object> address, long partnerBindingId,
            long partner, boolean merge) {
        importAddress(session, addressId, address, partnerBindingId, partner, merge, false);
    }

    /** With {@code isNew}, the address is created without a lookup first ({@link StoreSession#createBinding}). */
    protected void importAddress(StoreSession session, String addressId, Map<String, Object> address, long partnerBindingId,
            long partner, boolean merge, boolean isNew) {
        Map<String, Object> values;
        try {
            values = new HashMap<>(unit(ImportMapper.class).mapRecord(address).values(true));
        } catch (MappingException | InvalidDataException e) {
            throw new InvalidDataException(MagentoModels.ADDRESS + " " + addressId + " of backend " + backendRecord().name()
                    + ": " + e.getMessage());
        }
        if (merge) {
            // The partner keeps its own name and type; the address fills in where it lives.
            values.remove("name");
            values.remove("type");
            values.put("record_id", partner);
            if (carriedBy != null && carriedBy == partner) {
                // The partner was created with them (partnerValues): the binding alone, no update.
                values.keySet().retainAll(bindingFields());
            }
        } else {
            values.put("parent_id", partner);
        }
        values.put("magento_partner_id", partnerBindingId);
        if (isNew) {
            session.noExport().createBinding(MagentoModels.ADDRESS, backendRecord().id(), addressId, values);
        } else {
            session.noExport().upsertBinding(MagentoModels.ADDRESS, backendRecord().id(), addressId, values);
        }
    }

    private static boolean isDefaultBilling(Map<String, Object> address) {
        Object flag = address.get("is_default_billing");
        return flag != null && !Boolean.FALSE.equals(flag) && !"0".equals(flag.toString()) && !"false".equals(flag.toString());
    }

    private static boolean hasText(Object value) {
        return value != null && !value.toString().isBlank();
    }
}
