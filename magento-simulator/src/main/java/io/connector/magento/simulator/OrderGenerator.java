package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * New, not yet imported sales orders of simple products, by existing customers or (one in
 * seven) guests, with the fields the connector reads: totals with 9% tax and flat-rate shipping,
 * items, billing and shipping addresses, payment and status history. Fewer fields than a real
 * order, all of them in Magento's form.
 */
final class OrderGenerator {

    private static final BigDecimal TAX_RATE = new BigDecimal("0.09");
    private static final BigDecimal SHIPPING_PER_ITEM = new BigDecimal("5.00");
    private static final String FIRST_INCREMENT_ID = "100000001";

    private final DataStore store;
    private final Random random;
    private final GeneratedDates dates;
    private long nextOrderId;
    private long nextItemId;
    private long nextAddressId;

    OrderGenerator(DataStore store, Random random, GeneratedDates dates) {
        this.store = store;
        this.random = random;
        this.dates = dates;
    }

    void generate(int count) {
        List<String> products = store.products().ids(r -> "simple".equals(r.get("type_id")) && "1".equals(r.get("status")));
        if (count == 0 || products.isEmpty()) {
            return;
        }
        continueNumbering();
        List<String> customers = store.customers().ids();
        for (int i = 0; i < count; i++) {
            String incrementId = store.orders().isEmpty() ? FIRST_INCREMENT_ID : store.orders().nextId();
            String customer = customers.isEmpty() || random.nextInt(7) == 0 ? null : SampleData.pick(random, customers);
            store.orders().put(incrementId, order(incrementId, customer, products));
        }
    }

    /** Entity ids go on after the highest in the store: the order's, its items', its addresses'. */
    @SuppressWarnings("unchecked")
    private void continueNumbering() {
        for (Map<String, Object> order : store.orders().records()) {
            nextOrderId = Math.max(nextOrderId, Values.decimal(order.get("order_id")).longValue());
            for (String field : List.of("billing_address", "shipping_address")) {
                if (order.get(field) instanceof Map<?, ?> address) {
                    nextAddressId = Math.max(nextAddressId, Values.decimal(address.get("address_id")).longValue());
                }
            }
            if (order.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    nextItemId = Math.max(nextItemId, Values.decimal(((Map<String, Object>) item).get("item_id")).longValue());
                }
            }
        }
    }

    private Map<String, Object> order(String incrementId, String customerId, List<String> products) {
        String orderId = Long.toString(++nextOrderId);
        Map<String, Object> customer = customerId == null ? null : store.customers().get(customerId).orElse(null);
        String storeId = customer == null ? "1" : Values.text(customer.get("store_id"));
        LocalDateTime created = dates.created();
        String createdAt = GeneratedDates.naive(created);

        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        int lines = 1 + random.nextInt(3);
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < lines; k++) {
            String productId = SampleData.pick(random, products);
            if (chosen.contains(productId)) {
                continue;
            }
            chosen.add(productId);
            Map<String, Object> product = store.products().get(productId).orElseThrow();
            BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(3));
            Object special = product.get("special_price");
            BigDecimal price = Values.decimal(special != null ? special : product.get("price"));
            Map<String, Object> item = item(orderId, storeId, createdAt, productId, product, qty, price);
            items.add(item);
            subtotal = subtotal.add(price.multiply(qty));
            tax = tax.add(Values.decimal(item.get("tax_amount")));
            quantity = quantity.add(qty);
        }
        BigDecimal shipping = SHIPPING_PER_ITEM.multiply(quantity);
        BigDecimal total = subtotal.add(tax).add(shipping);

        Map<String, Object> billing = orderAddress(orderId, customerId, customer, "billing");
        Map<String, Object> shippingAddress = orderAddress(orderId, customerId, customer, "shipping");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("state", "new");
        r.put("status", "pending");
        r.put("coupon_code", null);
        r.put("protect_code", HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()}));
        r.put("shipping_description", "Flat Rate - Fixed");
        r.put("is_virtual", "0");
        r.put("store_id", storeId);
        r.put("customer_id", customerId);
        for (String prefix : List.of("base_", "")) {
            r.put(prefix + "discount_amount", "0.0000");
            r.put(prefix + "grand_total", Values.amount(total));
            r.put(prefix + "shipping_amount", Values.amount(shipping));
            r.put(prefix + "shipping_tax_amount", "0.0000");
            r.put(prefix + "subtotal", Values.amount(subtotal));
            r.put(prefix + "tax_amount", Values.amount(tax));
            r.put(prefix + "subtotal_incl_tax", Values.amount(subtotal.add(tax)));
            r.put(prefix + "shipping_incl_tax", Values.amount(shipping));
            r.put(prefix + "total_paid", null);
            r.put(prefix + "total_invoiced", null);
        }
        r.put("total_qty_ordered", Values.amount(quantity));
        r.put("customer_is_guest", customer == null ? "1" : "0");
        r.put("customer_note_notify", "1");
        r.put("billing_address_id", billing.get("address_id"));
        r.put("customer_group_id", customer == null ? "0" : customer.get("group_id"));
        r.put("edit_increment", null);
        r.put("email_sent", "1");
        r.put("quote_id", null);
        r.put("shipping_address_id", shippingAddress.get("address_id"));
        r.put("weight", Values.amount(quantity));
        r.put("customer_dob", customer == null ? null : customer.get("dob"));
        r.put("increment_id", incrementId);
        r.put("base_currency_code", "USD");
        r.put("customer_email", billing.get("email"));
        r.put("customer_firstname", billing.get("firstname"));
        r.put("customer_lastname", billing.get("lastname"));
        r.put("customer_middlename", null);
        r.put("customer_prefix", null);
        r.put("customer_suffix", null);
        r.put("customer_taxvat", customer == null ? null : customer.get("taxvat"));
        r.put("global_currency_code", "USD");
        r.put("order_currency_code", "USD");
        r.put("original_increment_id", null);
        r.put("relation_child_id", null);
        r.put("relation_child_real_id", null);
        r.put("relation_parent_id", null);
        r.put("relation_parent_real_id", null);
        r.put("remote_ip", "198.51.100." + (1 + random.nextInt(254)));
        r.put("shipping_method", "flatrate_flatrate");
        r.put("store_currency_code", "USD");
        r.put("store_name", "Main Website\nMadison Island\n" + store.storeViews().get(storeId).map(v -> v.get("name")).orElse("English"));
        r.put("customer_note", null);
        r.put("created_at", createdAt);
        r.put("updated_at", createdAt);
        r.put("total_item_count", Integer.toString(items.size()));
        r.put("customer_gender", customer == null ? null : customer.get("gender"));
        r.put("gift_cards", "a:0:{}");
        r.put("imported", "0");
        r.put("order_id", orderId);
        r.put("shipping_address", shippingAddress);
        r.put("billing_address", billing);
        r.put("items", items);
        r.put("payment", payment(orderId, total, shipping));
        r.put("status_history", List.of(history(orderId, storeId, createdAt)));
        return r;
    }

    private Map<String, Object> item(String orderId, String storeId, String createdAt, String productId, Map<String, Object> product,
            BigDecimal qty, BigDecimal price) {
        BigDecimal row = price.multiply(qty);
        BigDecimal tax = row.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", Long.toString(++nextItemId));
        item.put("order_id", orderId);
        item.put("parent_item_id", null);
        item.put("quote_item_id", null);
        item.put("store_id", storeId);
        item.put("created_at", createdAt);
        item.put("updated_at", createdAt);
        item.put("product_id", productId);
        item.put("product_type", "simple");
        item.put("product_options", "a:0:{}");
        item.put("weight", product.get("weight"));
        item.put("is_virtual", "0");
        item.put("sku", product.get("sku"));
        item.put("name", product.get("name"));
        item.put("description", null);
        item.put("qty_backordered", null);
        item.put("qty_canceled", "0.0000");
        item.put("qty_invoiced", "0.0000");
        item.put("qty_ordered", Values.amount(qty));
        item.put("qty_refunded", "0.0000");
        item.put("qty_shipped", "0.0000");
        for (String prefix : List.of("", "base_")) {
            item.put(prefix + "price", Values.amount(price));
            item.put(prefix + "original_price", Values.amount(Values.decimal(product.get("price"))));
            item.put(prefix + "tax_amount", Values.amount(tax));
            item.put(prefix + "discount_amount", "0.0000");
            item.put(prefix + "row_total", Values.amount(row));
            item.put(prefix + "price_incl_tax", Values.amount(price.add(price.multiply(TAX_RATE))));
            item.put(prefix + "row_total_incl_tax", Values.amount(row.add(tax)));
        }
        item.put("tax_percent", Values.amount(TAX_RATE.movePointRight(2)));
        item.put("discount_percent", "0.0000");
        item.put("row_weight", Values.amount(Values.decimal(product.get("weight")).multiply(qty)));
        return item;
    }

    /** The customer's default address of that type, or a made-up one for a guest or a customer without addresses. */
    private Map<String, Object> orderAddress(String orderId, String customerId, Map<String, Object> customer, String type) {
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
        a.put("address_id", Long.toString(++nextAddressId));
        return a;
    }

    private static Map<String, Object> payment(String orderId, BigDecimal total, BigDecimal shipping) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("parent_id", orderId);
        p.put("base_shipping_amount", Values.amount(shipping));
        p.put("shipping_amount", Values.amount(shipping));
        p.put("base_amount_ordered", Values.amount(total));
        p.put("amount_ordered", Values.amount(total));
        p.put("amount_paid", null);
        p.put("method", "checkmo");
        p.put("additional_information", List.of());
        p.put("payment_id", orderId);
        return p;
    }

    private static Map<String, Object> history(String orderId, String storeId, String createdAt) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("parent_id", orderId);
        h.put("is_customer_notified", "1");
        h.put("is_visible_on_front", "0");
        h.put("comment", null);
        h.put("status", "pending");
        h.put("created_at", createdAt);
        h.put("entity_name", "order");
        h.put("store_id", storeId);
        return h;
    }
}
