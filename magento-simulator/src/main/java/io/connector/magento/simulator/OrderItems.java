package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An order's items in Magento's form, parents before their children, and the sums the order's
 * totals are made of. Priced lines (a simple product, a configurable parent, a bundle's child)
 * carry the amounts: row_total = price × qty; discount_amount = discount percent of row_total;
 * tax_amount = 9% of (row_total − discount_amount); price_incl_tax = price + 9% of price;
 * row_total_incl_tax = row_total + tax_amount. That last one is simpler than Magento's (which
 * taxes the row before the discount), so that an importer which takes prices with tax and one
 * which takes them without both come to the order's grand total. A configurable's child and a
 * bundle parent carry none: their prices are "0.0000", as the recording and a dynamic-price
 * bundle have them.
 */
final class OrderItems {

    private final OrderEntityIds ids;
    private final String orderId;
    private final String storeId;
    private final String createdAt;
    private final BigDecimal discountPercent;
    private final List<Map<String, Object>> items = new ArrayList<>();
    private BigDecimal subtotal = BigDecimal.ZERO;
    private BigDecimal tax = BigDecimal.ZERO;
    private BigDecimal discount = BigDecimal.ZERO;
    private BigDecimal topLevelQuantity = BigDecimal.ZERO;
    private BigDecimal weight = BigDecimal.ZERO;
    private int topLevelCount;

    /** {@code discountPercent} applies to every priced line, 0 for none. */
    OrderItems(OrderEntityIds ids, String orderId, String storeId, String createdAt, BigDecimal discountPercent) {
        this.ids = ids;
        this.orderId = orderId;
        this.storeId = storeId;
        this.createdAt = createdAt;
        this.discountPercent = discountPercent;
    }

    void addSimple(Map<String, Object> product, BigDecimal qty) {
        Map<String, Object> item = item(null, product, "simple", ItemOptions.simple(id(product), qty), qty);
        priced(item, product, price(product), qty, weightOf(product));
        topLevel(qty);
    }

    /** Magento writes the chosen simple product's sku and weight on the configurable line; the child's amounts are nil or 0. */
    void addConfigurable(Map<String, Object> configurable, Map<String, Object> simple, BigDecimal qty, List<ItemOptions.Choice> choices) {
        String options = ItemOptions.configurable(id(configurable), qty, choices, Values.text(simple.get("sku")), Values.text(simple.get("name")));
        Map<String, Object> parent = item(null, configurable, "configurable", options, qty);
        parent.put("sku", simple.get("sku"));
        parent.put("weight", simple.get("weight"));
        priced(parent, configurable, price(configurable), qty, weightOf(simple));
        parent.put("has_children", true);
        topLevel(qty);
        Map<String, Object> child = item(parent.get("item_id"), simple, "simple", ItemOptions.configurableChild(id(configurable), qty, choices), qty);
        unpriced(child, null);
    }

    /** A bundle of one, its selections each priced at its own product's price. */
    void addBundle(Map<String, Object> bundle, List<ItemOptions.Selection> selections) {
        BigDecimal one = BigDecimal.ONE;
        Map<String, Object> parent = item(null, bundle, "bundle", ItemOptions.bundle(id(bundle), one, selections), one);
        unpriced(parent, "0.0000");
        parent.put("has_children", true);
        topLevel(one);
        for (ItemOptions.Selection s : selections) {
            String options = ItemOptions.bundleChild(id(bundle), one, selections, s);
            Map<String, Object> child = item(parent.get("item_id"), s.product(), "simple", options, s.qty());
            priced(child, s.product(), s.price(), s.qty(), weightOf(s.product()));
        }
    }

    /** A product's selling price: its special price when it has one. */
    static BigDecimal price(Map<String, Object> product) {
        Object special = product.get("special_price");
        return SalesTax.cents(Values.decimal(special != null ? special : product.get("price")));
    }

    List<Map<String, Object>> list() {
        return items;
    }

    BigDecimal subtotal() {
        return subtotal;
    }

    BigDecimal tax() {
        return tax;
    }

    /** The items' discounts, positive as the items carry them. */
    BigDecimal discount() {
        return discount;
    }

    /** total_qty_ordered: Magento counts the lines a buyer sees, not a parent's children. */
    BigDecimal topLevelQuantity() {
        return topLevelQuantity;
    }

    int topLevelCount() {
        return topLevelCount;
    }

    BigDecimal weight() {
        return weight;
    }

    private Map<String, Object> item(Object parentItemId, Map<String, Object> product, String type, String options, BigDecimal qty) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", ids.nextItem());
        item.put("order_id", orderId);
        item.put("parent_item_id", parentItemId);
        item.put("quote_item_id", null);
        item.put("store_id", storeId);
        item.put("created_at", createdAt);
        item.put("updated_at", createdAt);
        item.put("product_id", id(product));
        item.put("product_type", type);
        item.put("product_options", options);
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
        items.add(item);
        return item;
    }

    private void priced(Map<String, Object> item, Map<String, Object> product, BigDecimal price, BigDecimal qty, BigDecimal unitWeight) {
        BigDecimal row = SalesTax.cents(price.multiply(qty));
        BigDecimal rowDiscount = SalesTax.cents(row.multiply(discountPercent).movePointLeft(2));
        BigDecimal rowTax = SalesTax.on(row.subtract(rowDiscount));
        BigDecimal rowWeight = unitWeight.multiply(qty);
        for (String prefix : List.of("", "base_")) {
            item.put(prefix + "price", Values.amount(price));
            item.put(prefix + "original_price", Values.amount(Values.decimal(product.get("price"))));
            item.put(prefix + "tax_amount", Values.amount(rowTax));
            item.put(prefix + "discount_amount", Values.amount(rowDiscount));
            item.put(prefix + "row_total", Values.amount(row));
            item.put(prefix + "price_incl_tax", Values.amount(price.add(SalesTax.on(price))));
            item.put(prefix + "row_total_incl_tax", Values.amount(row.add(rowTax)));
        }
        item.put("tax_percent", SalesTax.PERCENT);
        item.put("discount_percent", Values.amount(rowDiscount.signum() == 0 ? BigDecimal.ZERO : discountPercent));
        item.put("row_weight", Values.amount(rowWeight));
        subtotal = subtotal.add(row);
        tax = tax.add(rowTax);
        discount = discount.add(rowDiscount);
        weight = weight.add(rowWeight);
    }

    /** Zero prices; the amounts with tax are {@code inclTax} ("0.0000" on a bundle, nil on a configurable's child). */
    private static void unpriced(Map<String, Object> item, String inclTax) {
        for (String prefix : List.of("", "base_")) {
            item.put(prefix + "price", "0.0000");
            item.put(prefix + "original_price", prefix.isEmpty() || inclTax != null ? "0.0000" : null);
            item.put(prefix + "tax_amount", "0.0000");
            item.put(prefix + "discount_amount", "0.0000");
            item.put(prefix + "row_total", "0.0000");
            item.put(prefix + "price_incl_tax", inclTax);
            item.put(prefix + "row_total_incl_tax", inclTax);
        }
        item.put("tax_percent", "0.0000");
        item.put("discount_percent", "0.0000");
        item.put("row_weight", "0.0000");
    }

    private void topLevel(BigDecimal qty) {
        topLevelQuantity = topLevelQuantity.add(qty);
        topLevelCount++;
    }

    private static String id(Map<String, Object> product) {
        return Values.text(product.get("product_id"));
    }

    private static BigDecimal weightOf(Map<String, Object> product) {
        return Values.decimal(product.get("weight"));
    }
}
