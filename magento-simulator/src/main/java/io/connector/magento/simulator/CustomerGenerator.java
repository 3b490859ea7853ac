package io.connector.magento.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Customers of the main website, each with 0 to 3 addresses. About a third are companies: their
 * addresses carry the company name, which is what makes the connector import a company with
 * contacts. The first address is the default billing one; the default shipping one is the first
 * or the second.
 */
final class CustomerGenerator {

    private static final List<String> STORE_VIEWS = List.of("1", "2", "3");
    private static final List<String> STORE_VIEW_NAMES = List.of("English", "French", "German");

    private final DataStore store;
    private final Random random;
    private final GeneratedDates dates;

    CustomerGenerator(DataStore store, Random random, GeneratedDates dates) {
        this.store = store;
        this.random = random;
        this.dates = dates;
    }

    void generate(int count) {
        for (int i = 0; i < count; i++) {
            customer();
        }
    }

    private void customer() {
        String id = store.customers().nextId();
        String first = SampleData.pick(random, SampleData.FIRST_NAMES);
        String last = SampleData.pick(random, SampleData.LAST_NAMES);
        boolean company = random.nextInt(100) < 30;
        String companyName = company ? SampleData.pick(random, SampleData.COMPANY_STEMS) + " " + SampleData.pick(random, SampleData.COMPANY_KINDS) : null;
        int storeView = random.nextInt(STORE_VIEWS.size());
        LocalDateTime created = dates.created();
        LocalDateTime updated = dates.updatedAfter(created);
        int addressCount = addressCount();

        List<String> addressIds = new ArrayList<>();
        for (int k = 0; k < addressCount; k++) {
            String addressId = store.addresses().nextId();
            store.addresses().put(addressId, id, address(addressId, first, last, companyName, created, updated));
            addressIds.add(addressId);
        }
        String billing = addressIds.isEmpty() ? null : addressIds.get(0);
        String shipping = addressIds.size() > 1 && random.nextBoolean() ? addressIds.get(1) : billing;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("customer_id", id);
        r.put("created_at", GeneratedDates.withOffset(created));
        r.put("updated_at", GeneratedDates.naive(updated));
        r.put("increment_id", null);
        r.put("store_id", STORE_VIEWS.get(storeView));
        r.put("website_id", "1");
        r.put("confirmation", null);
        r.put("created_in", STORE_VIEW_NAMES.get(storeView));
        r.put("default_billing", billing);
        r.put("default_shipping", shipping);
        r.put("disable_auto_group_change", "0");
        r.put("dob", random.nextBoolean() ? dates.birthDate() : null);
        r.put("email", SampleData.mailbox(first + " " + last) + "." + id + "@example.com");
        r.put("firstname", first);
        r.put("gender", gender());
        r.put("group_id", group(company));
        r.put("lastname", last);
        r.put("middlename", random.nextInt(100) < 10 ? (char) ('A' + random.nextInt(26)) + "." : null);
        r.put("password_hash", passwordHash());
        r.put("prefix", null);
        r.put("reward_update_notification", "1");
        r.put("reward_warning_notification", "1");
        r.put("rp_token", null);
        r.put("rp_token_created_at", null);
        r.put("suffix", null);
        r.put("taxvat", company && random.nextBoolean() ? "FR" + (10_000_000_000L + (long) (random.nextDouble() * 89_999_999_999L)) : null);
        // Addresses first, then the customer naming them, as Magento saves them.
        for (String addressId : addressIds) {
            store.addresses().update(addressId, a -> {
                a.put("is_default_billing", addressId.equals(billing));
                a.put("is_default_shipping", addressId.equals(shipping));
            });
        }
        store.customers().put(id, r);
    }

    /** 0 to 3, one most often. */
    private int addressCount() {
        int draw = random.nextInt(100);
        return draw < 15 ? 0 : draw < 60 ? 1 : draw < 90 ? 2 : 3;
    }

    private String gender() {
        int draw = random.nextInt(10);
        return draw < 4 ? null : draw < 7 ? "1" : "2";
    }

    private String group(boolean company) {
        int draw = random.nextInt(100);
        if (company) {
            return draw < 60 ? "2" : "3";
        }
        return draw < 85 ? "1" : "4";
    }

    /** Magento 1.9's salted SHA-256 form: hash, colon, salt. */
    private String passwordHash() {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        StringBuilder salt = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 32; i++) {
            salt.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return HexFormat.of().formatHex(hash) + ":" + salt;
    }

    private Map<String, Object> address(String id, String first, String last, String company, LocalDateTime customerCreated,
            LocalDateTime customerUpdated) {
        SampleData.Place place = SampleData.pick(random, SampleData.PLACES);
        String street = (1 + random.nextInt(9999)) + " " + SampleData.pick(random, SampleData.STREETS);
        if (random.nextInt(100) < 20) {
            street = street + "\n" + SampleData.pick(random, SampleData.SECOND_LINES);
        }
        LocalDateTime created = customerCreated.plusMinutes(random.nextInt(60));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("customer_address_id", id);
        r.put("created_at", GeneratedDates.withOffset(created));
        r.put("updated_at", GeneratedDates.naive(customerUpdated.isAfter(created) ? customerUpdated : created));
        r.put("increment_id", null);
        r.put("city", place.city());
        r.put("company", company);
        r.put("country_id", place.countryId());
        r.put("fax", null);
        r.put("firstname", first);
        r.put("lastname", last);
        r.put("middlename", null);
        r.put("postcode", place.postcode());
        r.put("prefix", null);
        r.put("region", place.region());
        r.put("region_id", place.regionId());
        r.put("street", street);
        r.put("suffix", null);
        r.put("telephone", String.format(Locale.ROOT, "%s-555-%04d", place.phonePrefix(), random.nextInt(10000)));
        for (String vat : List.of("vat_id", "vat_is_valid", "vat_request_date", "vat_request_id", "vat_request_success")) {
            r.put(vat, null);
        }
        r.put("is_default_billing", false);
        r.put("is_default_shipping", false);
        return r;
    }
}
