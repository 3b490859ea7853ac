package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An order's totals from its items' sums, its shipping and its extra amount, by the rule in {@link OrderGenerator}. */
record OrderTotals(BigDecimal subtotal, BigDecimal itemsTax, BigDecimal itemsDiscount, BigDecimal shipping, ExtraAmount extra) {

    static OrderTotals of(OrderItems items, BigDecimal shipping) {
        return new OrderTotals(items.subtotal(), items.tax(), items.discount(), shipping, ExtraAmount.NONE);
    }

    OrderTotals with(ExtraAmount amount) {
        return new OrderTotals(subtotal, itemsTax, itemsDiscount, shipping, amount);
    }

    BigDecimal shippingTax() {
        return SalesTax.on(shipping);
    }

    /** Magento's sign: a discount is negative on the order, positive on its items. */
    BigDecimal discountAmount() {
        return itemsDiscount.negate();
    }

    BigDecimal taxAmount() {
        return itemsTax.add(shippingTax()).add(extra.codTax());
    }

    BigDecimal grandTotal() {
        return subtotal.add(discountAmount()).add(shipping).add(shippingTax()).add(itemsTax)
                .add(extra.codFee()).add(extra.codTax()).subtract(extra.deduction());
    }

    BigDecimal subtotalInclTax() {
        return subtotal.add(itemsTax);
    }

    /** The totals' fields, base and order currency alike: the shop has one currency. */
    void writeTo(Map<String, Object> order) {
        for (String prefix : List.of("base_", "")) {
            order.put(prefix + "discount_amount", Values.amount(discountAmount()));
            order.put(prefix + "grand_total", Values.amount(grandTotal()));
            order.put(prefix + "shipping_amount", Values.amount(shipping));
            order.put(prefix + "shipping_tax_amount", Values.amount(shippingTax()));
            order.put(prefix + "shipping_discount_amount", "0.0000");
            order.put(prefix + "subtotal", Values.amount(subtotal));
            order.put(prefix + "tax_amount", Values.amount(taxAmount()));
            order.put(prefix + "subtotal_incl_tax", Values.amount(subtotalInclTax()));
            order.put(prefix + "shipping_incl_tax", Values.amount(shipping.add(shippingTax())));
            order.put(prefix + "total_paid", null);
            order.put(prefix + "total_invoiced", null);
        }
    }
}
