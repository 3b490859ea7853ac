package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the simulator does with XML-RPC values: read them as Magento's PHP does, and copy records. */
final class Values {

    private static final DateTimeFormatter MAGENTO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Values() {
    }

    /**
     * A value as PHP would see it in SQL: clients send ids as int or string ({@code 879} or
     * {@code "879"}) and flags as boolean, and Magento compares them with its text columns.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return MAGENTO_DATE.format(dateTime);
        }
        return value.toString();
    }

    /** PHP's truthiness, for flags such as {@code imported} or multiCall's {@code break}. */
    static boolean truthy(Object value) {
        String text = text(value);
        return text != null && !text.isEmpty() && !text.equals("0") && !text.equalsIgnoreCase("false");
    }

    /** A number for quantities and amounts, which Magento sends as "2.0000". */
    static BigDecimal decimal(Object value) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    /** An amount or quantity as Magento's decimal(12,4) columns print it. */
    static String amount(BigDecimal value) {
        return value.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A deep copy, so that what a caller does with a record never reaches the store, and back. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copy(item));
            }
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    static Map<String, Object> copyMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copy(entry.getValue()));
        }
        return copy;
    }
}
