package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The payment methods of generated orders, with their share of the orders, and the payment
 * struct each leaves on an order that is placed but not yet invoiced. What the reference
 * connector's import rules read differs by method: a check or money order has nothing paid nor
 * authorized, a saved card is authorized for the grand total, PayPal Express has it paid, cash
 * on delivery has neither (its fee is on the order), and a purchase order is a method a back
 * office may never have seen.
 */
enum PaymentMethod {

    CHECK_OR_MONEY_ORDER("checkmo", 40),
    SAVED_CARD("ccsave", 26),
    PAYPAL_EXPRESS("paypal_express", 25),
    CASH_ON_DELIVERY("cashondelivery", 6),
    PURCHASE_ORDER("purchaseorder", 3);

    private static final List<PaymentMethod> ALL = List.of(values());
    private static final String TRANSACTION_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXY";

    private final String code;
    private final int share;

    PaymentMethod(String code, int share) {
        this.code = code;
        this.share = share;
    }

    static PaymentMethod pick(Random random) {
        return SampleData.weighted(random, ALL, m -> m.share);
    }

    /** payment.method. */
    String code() {
        return code;
    }

    /** The order's payment struct, in Magento's field order; the card's owner is the billing name. */
    Map<String, Object> payment(String orderId, BigDecimal grandTotal, BigDecimal shipping, String owner, Random random) {
        String total = Values.amount(grandTotal);
        boolean paid = this == PAYPAL_EXPRESS;
        boolean authorized = this == SAVED_CARD;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("parent_id", orderId);
        p.put("base_amount_paid", paid ? total : null);
        p.put("base_amount_authorized", authorized ? total : null);
        p.put("base_shipping_amount", Values.amount(shipping));
        p.put("shipping_amount", Values.amount(shipping));
        p.put("amount_paid", paid ? total : null);
        p.put("amount_authorized", authorized ? total : null);
        p.put("base_amount_ordered", total);
        p.put("amount_ordered", total);
        p.put("cc_exp_month", authorized ? Integer.toString(1 + random.nextInt(12)) : "0");
        p.put("method", code);
        p.put("cc_last4", authorized ? String.format(Locale.ROOT, "%04d", random.nextInt(10000)) : null);
        p.put("cc_owner", authorized ? owner : null);
        p.put("cc_type", authorized ? "VI" : null);
        p.put("po_number", this == PURCHASE_ORDER ? "PO-" + (10000 + random.nextInt(90000)) : null);
        p.put("cc_exp_year", authorized ? Integer.toString(2018 + random.nextInt(5)) : "0");
        p.put("last_trans_id", paid ? transactionId(random) : null);
        p.put("additional_information", List.of());
        p.put("payment_id", orderId);
        return p;
    }

    /** A PayPal transaction id: 17 upper-case letters and digits. */
    private static String transactionId(Random random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            id.append(TRANSACTION_CHARACTERS.charAt(random.nextInt(TRANSACTION_CHARACTERS.length())));
        }
        return id.toString();
    }
}
