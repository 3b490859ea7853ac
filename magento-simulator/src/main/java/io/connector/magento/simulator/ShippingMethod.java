package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * The carriers of generated orders, with their share of the orders: Magento's flat rate (per
 * item), UPS Ground as in the recorded order 100000201, free shipping as in 145000008, and a
 * table rate a back office has not mapped yet.
 */
enum ShippingMethod {

    FLAT_RATE("flatrate_flatrate", "Flat Rate - Fixed", 60),
    UPS_GROUND("ups_GND", "United Parcel Service - Ground", 25),
    FREE("freeshipping_freeshipping", "Free Shipping - Free", 12),
    TABLE_RATE("tablerate_bestway", "Best Way - Table Rate", 3);

    private static final List<ShippingMethod> ALL = List.of(values());
    private static final BigDecimal FLAT_RATE_PER_ITEM = new BigDecimal("5.00");
    private static final BigDecimal UPS_BASE = new BigDecimal("8.00");
    private static final BigDecimal UPS_PER_WEIGHT = new BigDecimal("1.37");
    private static final BigDecimal TABLE_RATE_AMOUNT = new BigDecimal("15.00");

    private final String code;
    private final String description;
    private final int share;

    ShippingMethod(String code, String description, int share) {
        this.code = code;
        this.description = description;
        this.share = share;
    }

    static ShippingMethod pick(Random random) {
        return SampleData.weighted(random, ALL, m -> m.share);
    }

    /** shipping_method. */
    String code() {
        return code;
    }

    /** shipping_description: the carrier's title, a dash, the method's. */
    String description() {
        return description;
    }

    /** shipping_amount, before tax, for the top-level quantity and the weight shipped. */
    BigDecimal amount(BigDecimal quantity, BigDecimal weight) {
        return switch (this) {
            case FLAT_RATE -> SalesTax.cents(FLAT_RATE_PER_ITEM.multiply(quantity));
            case UPS_GROUND -> SalesTax.cents(UPS_BASE.add(UPS_PER_WEIGHT.multiply(weight)));
            case FREE -> SalesTax.cents(BigDecimal.ZERO);
            case TABLE_RATE -> TABLE_RATE_AMOUNT;
        };
    }
}
