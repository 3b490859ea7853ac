package io.connector.magento.simulator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which fields of orders, their items, addresses and payments, invoices, shipments and tracks
 * Magento 2 answers as numbers. Magento 1 answers every column as text; Magento 2 types them by
 * its sales interfaces: ids and flags as integers, amounts, quantities, rates and weights as
 * floats, the rest as strings, even when it looks numeric (increment_id "000000013",
 * relation_parent_id "9", cc_exp_year "0", applied_rule_ids "2,3"). Amounts are told by their
 * names, which is how Magento's sales columns are named ({@code base_shipping_discount_tax_compensation_amnt}
 * included), so that any of the hundred or so amount columns is typed without a list.
 */
final class SalesFieldTypes {

    /** Integer columns: entity ids and links, flags, counts. Not relation_*_id, which Magento 2 answers as text. */
    private static final Set<String> INTEGERS = Set.of("entity_id", "parent_id", "order_id", "store_id", "customer_id", "product_id",
            "item_id", "order_item_id", "parent_item_id", "quote_item_id", "quote_id", "quote_address_id", "quote_payment_id",
            "billing_address_id", "shipping_address_id", "customer_address_id", "region_id", "customer_group_id", "customer_gender",
            "customer_is_guest", "customer_note_notify", "total_item_count", "edit_increment", "email_sent", "send_email",
            "free_shipping", "no_discount", "gift_message_id", "gift_message_available", "locked_do_invoice", "locked_do_ship",
            "can_ship_partially", "can_ship_partially_item", "forced_shipment_with_invoice", "paypal_ipn_customer_notified",
            "shipment_status", "can_void_flag", "stock_id", "invoice_id", "shipment_id", "comment_id", "track_id", "payment_id");
    /** How amount, quantity, rate and weight columns end. */
    private static final List<String> AMOUNT_ENDINGS = List.of("amount", "amnt", "total", "subtotal", "price", "rate", "weight", "percent",
            "canceled", "invoiced", "refunded", "paid", "due", "fee", "cost", "incl_tax", "ordered", "qty", "authorized", "captured",
            "returned");

    private SalesFieldTypes() {
    }

    /** Whether Magento 2 answers the field as a number. */
    static boolean isNumber(String field) {
        return INTEGERS.contains(field) || field.startsWith("is_") || isAmount(field);
    }

    /** Whether the field is a decimal(12,4) column, kept as "12.3100" as Magento 1 answers it. */
    static boolean isAmount(String field) {
        if (field.startsWith("qty_")) {
            return true;
        }
        for (String ending : AMOUNT_ENDINGS) {
            if (field.equals(ending) || field.endsWith("_" + ending)) {
                return true;
            }
        }
        return false;
    }

    /** A stored value as Magento 2 answers the field; null when absent. */
    static JsonNode json(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return RestJson.of(value);
        }
        return isNumber(field) ? RestJson.number(value) : RestJson.text(value);
    }

    /** A Magento 2 value as the store keeps the field: amounts with their four decimals, as Magento 1 answers them. */
    static Object store(String field, JsonNode value) {
        return isAmount(field) ? RestJson.toStoreAmount(value) : RestJson.toStore(value);
    }
}
