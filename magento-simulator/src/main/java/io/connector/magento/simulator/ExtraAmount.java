package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The one amount beyond items and shipping an order may have: a cash-on-delivery fee (taxed,
 * added; Phoenix_CashOnDelivery's fields), or a gift certificate, store credit or reward points
 * (subtracted; Unirgy's and Magento Enterprise's fields), or none.
 */
record ExtraAmount(Kind kind, BigDecimal amount, String giftCertCode) {

    enum Kind { NONE, COD_FEE, GIFT_CERTIFICATE, STORE_CREDIT, REWARD_POINTS }

    static final ExtraAmount NONE = new ExtraAmount(Kind.NONE, BigDecimal.ZERO, null);

    static ExtraAmount codFee(BigDecimal fee) {
        return new ExtraAmount(Kind.COD_FEE, fee, null);
    }

    static ExtraAmount giftCertificate(BigDecimal amount, String code) {
        return new ExtraAmount(Kind.GIFT_CERTIFICATE, amount, code);
    }

    static ExtraAmount storeCredit(BigDecimal amount) {
        return new ExtraAmount(Kind.STORE_CREDIT, amount, null);
    }

    static ExtraAmount rewardPoints(BigDecimal amount) {
        return new ExtraAmount(Kind.REWARD_POINTS, amount, null);
    }

    BigDecimal codFee() {
        return kind == Kind.COD_FEE ? amount : BigDecimal.ZERO;
    }

    BigDecimal codTax() {
        return SalesTax.on(codFee());
    }

    /** What the order's grand total loses: a gift certificate, store credit or reward points. */
    BigDecimal deduction() {
        return kind == Kind.GIFT_CERTIFICATE || kind == Kind.STORE_CREDIT || kind == Kind.REWARD_POINTS ? amount : BigDecimal.ZERO;
    }

    /**
     * The fields of the order. The COD and gift certificate ones come from extensions and are
     * left out when unused; store credit and rewards are Magento's own columns, nil when unused
     * as in the recorded order 145000008.
     */
    void writeTo(Map<String, Object> order) {
        if (kind == Kind.COD_FEE) {
            for (String prefix : new String[] {"", "base_"}) {
                order.put(prefix + "cod_fee", Values.amount(codFee()));
                order.put(prefix + "cod_tax_amount", Values.amount(codTax()));
            }
        }
        if (kind == Kind.GIFT_CERTIFICATE) {
            order.put("gift_cert_amount", Values.amount(amount));
            order.put("base_gift_cert_amount", Values.amount(amount));
            order.put("gift_cert_code", giftCertCode);
        }
        String balance = kind == Kind.STORE_CREDIT ? Values.amount(amount) : null;
        order.put("base_customer_balance_amount", balance);
        order.put("customer_balance_amount", balance);
        String reward = kind == Kind.REWARD_POINTS ? Values.amount(amount) : null;
        order.put("base_reward_currency_amount", reward);
        order.put("reward_currency_amount", reward);
    }
}
