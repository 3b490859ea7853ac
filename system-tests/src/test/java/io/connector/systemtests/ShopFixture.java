package io.connector.systemtests;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.magento.simulator.DataStore;
import io.connector.magento.simulator.GeneratorSpec;
import io.connector.magento.simulator.MagentoSimulator;

/**
 * A generated Magento shop served by the simulator in the test JVM on 127.0.0.1, and what a clean
 * import of its customers makes, derived from its records by the rules of docs/magento.md.
 */
final class ShopFixture implements AutoCloseable {

    private final MagentoSimulator magento;
    private final GeneratorSpec spec;

    private ShopFixture(MagentoSimulator magento, GeneratorSpec spec) {
        this.magento = magento;
        this.spec = spec;
    }

    /** A shop of the generator's spec, e.g. {@code customers=5000} (each customer with 0 to 3 addresses). */
    static ShopFixture generated(String spec) {
        GeneratorSpec parsed = GeneratorSpec.parse(spec);
        // Thousands of calls: none kept (GET /calls), only counted.
        return new ShopFixture(MagentoSimulator.builder().recordCalls(false).generate(parsed).start(), parsed);
    }

    /** The backend's location. */
    String location() {
        return magento.url();
    }

    DataStore store() {
        return magento.store();
    }

    Set<String> customerIds() {
        return new HashSet<>(store().customers().ids());
    }

    Set<String> addressIds() {
        return new HashSet<>(store().addresses().ids());
    }

    /**
     * The partners a clean import of every customer makes (AddressImporter's rules): one per
     * customer, and one per address, but for the default billing address of a customer that is
     * not a company, which is merged into the customer's own partner. A customer is a company when
     * its default billing address has a company name: then every address is a contact of it.
     * (Every generated e-mail is distinct, so no customer reuses another's partner.)
     */
    long expectedPartners() {
        DataStore store = store();
        long partners = 0;
        for (String customer : store.customers().ids()) {
            List<Map<String, Object>> addresses = store.addresses().idsOwnedBy(customer).stream()
                    .map(id -> store.addresses().get(id).orElseThrow()).toList();
            boolean company = addresses.stream().anyMatch(a -> defaultBilling(a) && hasText(a.get("company")));
            boolean merged = !company && addresses.stream().anyMatch(ShopFixture::defaultBilling);
            partners += 1 + addresses.size() - (merged ? 1 : 0);
        }
        return partners;
    }

    private static boolean defaultBilling(Map<String, Object> address) {
        Object flag = address.get("is_default_billing");
        return flag != null && !Boolean.FALSE.equals(flag) && !"0".equals(flag.toString()) && !"false".equals(flag.toString());
    }

    private static boolean hasText(Object value) {
        return value != null && !value.toString().isBlank();
    }

    @Override
    public void close() {
        magento.close();
    }

    @Override
    public String toString() {
        return "Magento simulator at " + magento.url() + " with " + spec;
    }
}
