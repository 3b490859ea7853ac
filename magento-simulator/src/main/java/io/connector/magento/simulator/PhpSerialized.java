package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PHP's serialize(), for what Magento keeps serialized in a text column (an order item's
 * product_options): maps with int or string keys, lists as arrays from 0, strings, ints,
 * decimals as PHP floats, booleans and nulls. A string's length is its UTF-8 byte count, as PHP
 * counts it. It reads back only what the simulator needs of it: one whole-number entry.
 */
final class PhpSerialized {

    /** What follows a key: an int, a string of digits or a boolean. */
    private static final Pattern ENTRY_VALUE = Pattern.compile("i:(-?\\d+);|s:\\d+:\"(-?\\d+)\";|b:([01]);");

    private PhpSerialized() {
    }

    /**
     * The whole number under {@code key} in a serialized array, e.g. an item's
     * {@code product_calculations} ({@code s:20:"product_calculations";i:0;}, or the same number
     * as a string or a boolean); null when the key is not there or its value is something else.
     * The first entry of that name wins, nested or not: the keys read here occur once.
     */
    static Integer intEntry(String serialized, String key) {
        if (serialized == null || key == null) {
            return null;
        }
        String name = "s:" + key.getBytes(StandardCharsets.UTF_8).length + ":\"" + key + "\";";
        int at = serialized.indexOf(name);
        if (at < 0) {
            return null;
        }
        Matcher value = ENTRY_VALUE.matcher(serialized).region(at + name.length(), serialized.length());
        if (!value.lookingAt()) {
            return null;
        }
        String digits = value.group(1) != null ? value.group(1) : value.group(2) != null ? value.group(2) : value.group(3);
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("N;");
        } else if (value instanceof String s) {
            out.append("s:").append(s.getBytes(StandardCharsets.UTF_8).length).append(":\"").append(s).append("\";");
        } else if (value instanceof Integer || value instanceof Long) {
            out.append("i:").append(value).append(';');
        } else if (value instanceof BigDecimal d) {
            out.append("d:").append(d.stripTrailingZeros().toPlainString()).append(';');
        } else if (value instanceof Boolean b) {
            out.append("b:").append(b ? 1 : 0).append(';');
        } else if (value instanceof Map<?, ?> map) {
            out.append("a:").append(map.size()).append(":{");
            map.forEach((key, item) -> {
                write(out, key);
                write(out, item);
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append("a:").append(list.size()).append(":{");
            for (int i = 0; i < list.size(); i++) {
                write(out, i);
                write(out, list.get(i));
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("PHP cannot serialize a " + value.getClass().getSimpleName());
        }
    }
}
