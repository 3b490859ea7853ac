package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An order's billing or shipping address: a copy of the customer's default address of that type,
 * or a made-up one for a guest or a customer without addresses. A guest's has no customer ids.
 */
final class OrderAddresses {

    private final DataStore store;
    private final Random random;
    private final OrderEntityIds ids;

    OrderAddresses(DataStore store, Random random, OrderEntityIds ids) {
        this.store = store;
        this.random = random;
        this.ids = ids;
    }

    Map<String, Object> address(String orderId, String customerId, Map<String, Object> customer, String type) {
        Optional<Map<String, Object>> book = Optional.empty();
        String bookId = null;
        if (customer != null) {
            bookId = Values.text(customer.get(type.equals("billing") ? "default_billing" : "default_shipping"));
            book = store.addresses().get(bookId);
        }
        SampleData.Place place = SampleData.pick(random, SampleData.PLACES);
        String first = customer != null ? Values.text(customer.get("firstname")) : SampleData.pick(random, SampleData.FIRST_NAMES);
        String last = customer != null ? Values.text(customer.get("lastname")) : SampleData.pick(random, SampleData.LAST_NAMES);
        String email = customer != null ? Values.text(customer.get("email"))
                : SampleData.mailbox(first + " " + last) + ".guest" + orderId + "@example.com";
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("parent_id", orderId);
        a.put("customer_address_id", book.isPresent() ? bookId : null);
        a.put("quote_address_id", null);
        a.put("region_id", book.map(b -> b.get("region_id")).orElse(place.regionId()));
        a.put("customer_id", customerId);
        a.put("fax", null);
        a.put("region", book.map(b -> b.get("region")).orElse(place.region()));
        a.put("postcode", book.map(b -> b.get("postcode")).orElse(place.postcode()));
        a.put("lastname", book.map(b -> b.get("lastname")).orElse(last));
        a.put("street", book.map(b -> b.get("street")).orElse((1 + random.nextInt(999)) + " " + SampleData.pick(random, SampleData.STREETS)));
        a.put("city", book.map(b -> b.get("city")).orElse(place.city()));
        a.put("email", email);
        a.put("telephone", book.map(b -> b.get("telephone")).orElse(place.phonePrefix() + "-555-0100"));
        a.put("country_id", book.map(b -> b.get("country_id")).orElse(place.countryId()));
        a.put("firstname", book.map(b -> b.get("firstname")).orElse(first));
        a.put("address_type", type);
        a.put("prefix", null);
        a.put("middlename", null);
        a.put("suffix", null);
        a.put("company", book.map(b -> b.get("company")).orElse(null));
        a.put("vat_id", null);
        a.put("address_id", ids.nextAddress());
        return a;
    }
}
