package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The generated shop's one tax rule: 9% on items, shipping and the cash-on-delivery fee, each
 * amount rounded half up to cents, as Magento rounds per row.
 */
final class SalesTax {

    static final BigDecimal RATE = new BigDecimal("0.09");
    /** tax_percent as an item carries it. */
    static final String PERCENT = Values.amount(RATE.movePointRight(2));

    private SalesTax() {
    }

    static BigDecimal on(BigDecimal amount) {
        return cents(amount.multiply(RATE));
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
