package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * PHP's serialize(), for what Magento keeps serialized in a text column (an order item's
 * product_options): maps with int or string keys, lists as arrays from 0, strings, ints,
 * decimals as PHP floats, booleans and nulls. A string's length is its UTF-8 byte count, as PHP
 * counts it.
 */
final class PhpSerialized {

    private PhpSerialized() {
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
