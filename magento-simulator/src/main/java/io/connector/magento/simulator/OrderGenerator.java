package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not yet imported sales orders with the variety an order import must handle, in Magento's form:
 * by existing customers or (one in seven) guests, spread over the store views of the buyer's
 * website; simple, configurable and bundle items ({@link BasketGenerator}); the shipping and
 * payment methods of {@link ShippingMethod} and {@link PaymentMethod}; a coupon discount in one
 * order in six; an {@link ExtraAmount} (the COD fee of every cash-on-delivery order; otherwise a
 * gift certificate, store credit or reward points, in 3% of the orders each); edited chains (one order in
 * 25 starts a chain of 2 or 3, see {@link OrderLifecycle}), cancelled orders (one in 30 besides
 * the edited ones) and old ones (one in 40, more than 60 days before {@link DataGenerator#NOW};
 * the others are within the 30 days before it).
 *
 * <p>The totals follow one rule, so that an importer can check what it imported against
 * grand_total and tax_amount. Every amount is rounded half up to cents; base amounts equal the
 * others (one currency). Per item, see {@link OrderItems}. Then, with a 9% rate:
 * <pre>
 * subtotal            = Σ item row_total
 * discount_amount     = −Σ item discount_amount
 * shipping_tax_amount = round(shipping_amount × 9%)
 * cod_tax_amount      = round(cod_fee × 9%)
 * tax_amount          = Σ item tax_amount + shipping_tax_amount + cod_tax_amount
 * grand_total         = subtotal + discount_amount + shipping_amount + shipping_tax_amount + Σ item tax_amount
 *                       + cod_fee + cod_tax_amount − gift_cert_amount − customer_balance_amount − reward_currency_amount
 * subtotal_incl_tax   = subtotal + Σ item tax_amount
 * payment.amount_ordered = grand_total
 * </pre>
 * An amount an order does not have counts as 0. A deduction is at most half of what the order
 * comes to without it, so grand_total is never below 0.
 */
final class OrderGenerator {

    private static final String FIRST_INCREMENT_ID = "100000001";
    private static final BigDecimal COD_FEE = new BigDecimal("5.00");
    private static final List<BigDecimal> DEDUCTIONS = List.of(new BigDecimal("10.00"), new BigDecimal("20.00"),
            new BigDecimal("25.00"), new BigDecimal("50.00"));
    private static final List<Coupon> COUPONS = List.of(new Coupon("WELCOME10", "1", new BigDecimal("10")),
            new Coupon("SUMMER15", "2", new BigDecimal("15")), new Coupon("VIP20", "3", new BigDecimal("20")));

    /** A shopping cart price rule's coupon. */
    private record Coupon(String code, String ruleId, BigDecimal percent) {
    }

    /** Who placed an order, and in which store view. */
    private record Buyer(String customerId, Map<String, Object> customer, String storeId) {
    }

    private final DataStore store;
    private final Random random;
    private final GeneratedDates dates;
    private BasketGenerator basket;
    private OrderStoreViews storeViews;
    private OrderEntityIds ids;
    private OrderAddresses addresses;

    OrderGenerator(DataStore store, Random random, GeneratedDates dates) {
        this.store = store;
        this.random = random;
        this.dates = dates;
    }

    /** {@code count} orders, the members of an edited chain included. */
    void generate(int count) {
        basket = new BasketGenerator(store, random);
        if (count == 0 || !basket.canFill()) {
            return;
        }
        storeViews = new OrderStoreViews(store);
        ids = OrderEntityIds.after(store.orders());
        addresses = new OrderAddresses(store, random, ids);
        List<String> customers = store.customers().ids();
        int made = 0;
        while (made < count) {
            String incrementId = store.orders().isEmpty() ? FIRST_INCREMENT_ID : store.orders().nextId();
            Buyer buyer = buyer(customers);
            int length = random.nextInt(25) == 0 ? Math.min(2 + random.nextInt(2), count - made) : 1;
            if (length > 1) {
                editedChain(incrementId, buyer, length);
            } else {
                single(incrementId, buyer);
            }
            made += length;
        }
    }

    private Buyer buyer(List<String> customers) {
        String customerId = customers.isEmpty() || random.nextInt(7) == 0 ? null : SampleData.pick(random, customers);
        Map<String, Object> customer = customerId == null ? null : store.customers().get(customerId).orElse(null);
        String website = customer == null ? null : Values.text(customer.get("website_id"));
        return new Buyer(customer == null ? null : customerId, customer, storeViews.pick(random, website));
    }

    private void single(String incrementId, Buyer buyer) {
        LocalDateTime created = random.nextInt(40) == 0 ? dates.oldOrder() : dates.recentOrder();
        Map<String, Object> order = order(incrementId, buyer, created);
        if (random.nextInt(30) == 0) {
            OrderLifecycle.cancel(order, GeneratedDates.naive(dates.shortlyAfter(created)));
        }
        store.orders().put(incrementId, order);
    }

    /** The original and its edits, each placed shortly after the one it replaces, by the same buyer. */
    private void editedChain(String original, Buyer buyer, int length) {
        LocalDateTime created = dates.recentOrder();
        Map<String, Object> current = order(original, buyer, created);
        for (int edit = 1; edit < length; edit++) {
            created = dates.shortlyAfter(created);
            Map<String, Object> next = order(original + "-" + edit, buyer, created);
            OrderLifecycle.edit(current, next, original, edit);
            store.orders().put(Values.text(current.get("increment_id")), current);
            current = next;
        }
        store.orders().put(Values.text(current.get("increment_id")), current);
    }

    private Map<String, Object> order(String incrementId, Buyer buyer, LocalDateTime created) {
        String orderId = ids.nextOrder();
        String createdAt = GeneratedDates.naive(created);
        Coupon coupon = random.nextInt(6) == 0 ? SampleData.pick(random, COUPONS) : null;
        OrderItems items = new OrderItems(ids, orderId, buyer.storeId(), createdAt, coupon == null ? BigDecimal.ZERO : coupon.percent());
        basket.fill(items);
        ShippingMethod shipping = ShippingMethod.pick(random);
        PaymentMethod method = PaymentMethod.pick(random);
        OrderTotals totals = OrderTotals.of(items, shipping.amount(items.topLevelQuantity(), items.weight()));
        totals = totals.with(extraAmount(method, totals.grandTotal()));

        Map<String, Object> customer = buyer.customer();
        Map<String, Object> billing = addresses.address(orderId, buyer.customerId(), customer, "billing");
        Map<String, Object> shippingAddress = addresses.address(orderId, buyer.customerId(), customer, "shipping");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("state", "new");
        r.put("status", "pending");
        r.put("coupon_code", coupon == null ? null : coupon.code());
        r.put("protect_code", HexFormat.of().formatHex(new byte[] {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()}));
        r.put("shipping_description", shipping.description());
        r.put("is_virtual", "0");
        r.put("store_id", buyer.storeId());
        r.put("customer_id", buyer.customerId());
        totals.writeTo(r);
        r.put("total_qty_ordered", Values.amount(items.topLevelQuantity()));
        r.put("customer_is_guest", customer == null ? "1" : "0");
        r.put("customer_note_notify", "1");
        r.put("billing_address_id", billing.get("address_id"));
        r.put("customer_group_id", customer == null ? "0" : customer.get("group_id"));
        r.put("edit_increment", null);
        r.put("email_sent", "1");
        r.put("quote_id", null);
        r.put("shipping_address_id", shippingAddress.get("address_id"));
        r.put("weight", Values.amount(items.weight()));
        r.put("customer_dob", customer == null ? null : customer.get("dob"));
        r.put("increment_id", incrementId);
        r.put("applied_rule_ids", coupon == null ? null : coupon.ruleId());
        r.put("base_currency_code", "USD");
        r.put("customer_email", billing.get("email"));
        r.put("customer_firstname", billing.get("firstname"));
        r.put("customer_lastname", billing.get("lastname"));
        r.put("customer_middlename", null);
        r.put("customer_prefix", null);
        r.put("customer_suffix", null);
        r.put("customer_taxvat", customer == null ? null : customer.get("taxvat"));
        // Magento describes a coupon's discount by its code when the rule has no label.
        r.put("discount_description", coupon == null ? null : coupon.code());
        r.put("global_currency_code", "USD");
        r.put("order_currency_code", "USD");
        r.put("original_increment_id", null);
        r.put("relation_child_id", null);
        r.put("relation_child_real_id", null);
        r.put("relation_parent_id", null);
        r.put("relation_parent_real_id", null);
        r.put("remote_ip", "198.51.100." + (1 + random.nextInt(254)));
        r.put("shipping_method", shipping.code());
        r.put("store_currency_code", "USD");
        r.put("store_name", storeViews.storeName(buyer.storeId()));
        r.put("customer_note", null);
        r.put("created_at", createdAt);
        r.put("updated_at", createdAt);
        r.put("total_item_count", Integer.toString(items.topLevelCount()));
        r.put("customer_gender", customer == null ? null : customer.get("gender"));
        r.put("gift_cards", "a:0:{}");
        totals.extra().writeTo(r);
        r.put("imported", "0");
        r.put("order_id", orderId);
        r.put("shipping_address", shippingAddress);
        r.put("billing_address", billing);
        r.put("items", items.list());
        String owner = billing.get("firstname") + " " + billing.get("lastname");
        r.put("payment", method.payment(orderId, totals.grandTotal(), totals.shipping(), owner, random));
        r.put("status_history", List.of(OrderLifecycle.placed(orderId, buyer.storeId(), createdAt)));
        return r;
    }

    /** The COD fee with cash on delivery; otherwise, rarely, one deduction of at most half the order. */
    private ExtraAmount extraAmount(PaymentMethod method, BigDecimal total) {
        if (method == PaymentMethod.CASH_ON_DELIVERY) {
            return ExtraAmount.codFee(COD_FEE);
        }
        int draw = random.nextInt(100);
        if (draw >= 9) {
            return ExtraAmount.NONE;
        }
        BigDecimal amount = SampleData.pick(random, DEDUCTIONS).min(total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN));
        return switch (draw / 3) {
            case 0 -> ExtraAmount.giftCertificate(amount, "GC-" + HexFormat.of().withUpperCase().toHexDigits(random.nextInt()));
            case 1 -> ExtraAmount.storeCredit(amount);
            default -> ExtraAmount.rewardPoints(amount);
        };
    }
}
