package io.connector.magento.mapper;

import static io.connector.magento.mapper.MagentoModifiers.utcDate;
import static io.connector.magento.mapper.SaleOrderLineImportMapper.amount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connector.core.mapper.AbstractImportMapper;
import io.connector.core.mapper.MapContext;
import io.connector.core.mapper.Mapping;
import io.connector.magento.MagentoModels;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code sales_order.info} as a sale order and its lines: the items (merged by the importer) as
 * product lines, then the lines Magento keeps as order amounts: shipping, cash on delivery, gift
 * certificate, gift cards, store credit and rewards. The totals are the lines' sums, so that an
 * order whose lines do not add up to Magento's grand total shows (the importer compares them).
 * The importer gives the partners, the payment method, the carrier, whether the store view's
 * prices include tax and the name's prefix as options.
 */
@ConsumerType
public abstract class SaleOrderImportMapper extends AbstractImportMapper {

    /** Options the importer gives. */
    public static final String TAX_INCLUDED = "tax_included";
    public static final String PARTNER = "partner_id";
    public static final String INVOICE_ADDRESS = "partner_invoice_id";
    public static final String SHIPPING_ADDRESS = "partner_shipping_id";
    public static final String PAYMENT_METHOD = "payment_method_id";
    public static final String CARRIER = "carrier_id";
    public static final String NAME_PREFIX = "name_prefix";
    /** The values' list of lines: the importer writes them after the order. */
    public static final String LINES = "line_ids";

    private static final Pattern GIFT_CARD_CODE = Pattern.compile("s:1:\"c\";s:\\d+:\"([^\"]*)\"");

    protected SaleOrderImportMapper() {
        direct(convert("order_id", Integer.class), "magento_order_id");
        direct(convert("grand_total", BigDecimal.class), "total_amount");
        direct(convert("tax_amount", BigDecimal.class), "total_amount_tax");
        direct(utcDate("created_at"), "date_order");
        direct(utcDate("created_at"), "created_at");
        direct("store_id", "storeview_id");
        direct("order_currency_code", "currency_code");
        direct("customer_note", "note");
        child("items", LINES, MagentoModels.SALE_ORDER_LINE);
    }

    /** The backend's sale prefix and the increment id, e.g. "EC100000201". */
    @Mapping
    public Map<String, Object> name(MapContext order) {
        Object prefix = order.option(NAME_PREFIX);
        return Map.of("name", (prefix == null ? "" : prefix.toString()) + order.get("increment_id"));
    }

    @Mapping
    public Map<String, Object> fromImporter(MapContext order) {
        Map<String, Object> values = new HashMap<>();
        for (String option : List.of(PARTNER, INVOICE_ADDRESS, SHIPPING_ADDRESS, PAYMENT_METHOD, CARRIER)) {
            values.put(option, order.option(option));
        }
        values.put("prices_include_tax", Boolean.TRUE.equals(order.option(TAX_INCLUDED)));
        return values;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void finalizeValues(MapContext order, Map<String, Object> values) {
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) values.getOrDefault(LINES, List.of()));
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).putIfAbsent("sequence", 10 * (i + 1));
        }
        boolean taxIncluded = Boolean.TRUE.equals(order.option(TAX_INCLUDED));
        extraLines(order, taxIncluded).forEach(lines::add);
        values.put(LINES, lines);
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Map<String, Object> line : lines) {
            subtotal = subtotal.add(amount(line.get("price_subtotal")));
            tax = tax.add(amount(line.get("price_tax")));
        }
        values.put("amount_tax", tax.setScale(2, RoundingMode.HALF_UP));
        values.put("amount_untaxed", (taxIncluded ? subtotal.subtract(tax) : subtotal).setScale(2, RoundingMode.HALF_UP));
        values.put("amount_total", (taxIncluded ? subtotal : subtotal.add(tax)).setScale(2, RoundingMode.HALF_UP));
    }

    /** The lines of the order's own amounts, in the reference's order and sequences. */
    protected List<Map<String, Object>> extraLines(MapContext order, boolean taxIncluded) {
        List<Map<String, Object>> lines = new ArrayList<>();
        Object method = order.get("shipping_method");
        if (method != null && !method.toString().isBlank()) {
            BigDecimal discount = amount(order.get("shipping_discount_amount"));
            BigDecimal price = amount(order.get(taxIncluded ? "shipping_incl_tax" : "shipping_amount")).subtract(discount);
            Object description = order.get("shipping_description");
            lines.add(line("shipping", description == null || description.toString().isBlank() ? method.toString()
                    : description.toString(), price, amount(order.get("shipping_tax_amount")), 999));
        }
        BigDecimal codFee = amount(order.get("cod_fee"));
        BigDecimal codTax = amount(order.get("cod_tax_amount"));
        if (codFee.signum() != 0 || codTax.signum() != 0) {
            // The reference takes the tax alone as the price when prices include tax: the fee was lost.
            lines.add(line("cash_on_delivery", "Cash on delivery", taxIncluded ? codFee.add(codTax) : codFee, codTax, 995));
        }
        BigDecimal giftCertificate = amount(order.get("gift_cert_amount"));
        if (giftCertificate.signum() != 0) {
            Object code = order.get("gift_cert_code");
            lines.add(line("gift_certificate", "Gift Certificate" + (code == null ? "" : " [" + code + "]"),
                    giftCertificate.abs().negate(), BigDecimal.ZERO, 990));
        }
        BigDecimal giftCards = amount(order.get("gift_cards_amount"));
        if (giftCards.signum() != 0) {
            Matcher code = order.get("gift_cards") == null ? null : GIFT_CARD_CODE.matcher(order.get("gift_cards").toString());
            lines.add(line("gift_card", "Gift Card" + (code != null && code.find() ? " [" + code.group(1) + "]" : ""),
                    giftCards.abs().negate(), BigDecimal.ZERO, 990));
        }
        BigDecimal credit = amount(order.get("customer_balance_amount"));
        if (credit.signum() != 0) {
            lines.add(line("store_credit", "Store credit", credit.abs().negate(), BigDecimal.ZERO, 991));
        }
        BigDecimal rewards = amount(order.get("reward_currency_amount"));
        if (rewards.signum() != 0) {
            lines.add(line("rewards", "Reward points", rewards.abs().negate(), BigDecimal.ZERO, 992));
        }
        return lines;
    }

    protected static Map<String, Object> line(String kind, String name, BigDecimal price, BigDecimal tax, int sequence) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kind", kind);
        line.put("name", name);
        line.put("quantity", BigDecimal.ONE);
        line.put("price_unit", price.setScale(4, RoundingMode.HALF_UP));
        line.put("discount", BigDecimal.ZERO);
        line.put("price_subtotal", price.setScale(2, RoundingMode.HALF_UP));
        line.put("price_tax", tax.setScale(2, RoundingMode.HALF_UP));
        line.put("sequence", sequence);
        return line;
    }
}
