package io.connector.magento.v20.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error message as Magento 2 sends it, {@code {"message": "No such entity with %fieldName =
 * %fieldValue", "parameters": {"fieldName": "id", "fieldValue": 42}}}, filled in as Magento's own
 * placeholder renderer does: named parameters replace {@code %name}, a list's replace {@code %1},
 * {@code %2}, ...; the longest placeholder wins where two start alike ({@code %10} before {@code %1}).
 */
final class MagentoMessage {

    private MagentoMessage() {
    }

    /** {@code message} with {@code parameters} (a map, a list, or null) filled in. */
    static String fill(String message, Object parameters) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        if (parameters instanceof Map<?, ?> named) {
            named.forEach((name, value) -> placeholders.put("%" + name, text(value)));
        } else if (parameters instanceof List<?> positional) {
            for (int i = 0; i < positional.size(); i++) {
                placeholders.put("%" + (i + 1), text(positional.get(i)));
            }
        }
        if (placeholders.isEmpty()) {
            return message;
        }
        List<String> longestFirst = new ArrayList<>(placeholders.keySet());
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder filled = new StringBuilder(message.length());
        int at = 0;
        scan:
        while (at < message.length()) {
            if (message.charAt(at) == '%') {
                for (String placeholder : longestFirst) {
                    if (message.startsWith(placeholder, at)) {
                        filled.append(placeholders.get(placeholder));
                        at += placeholder.length();
                        continue scan;
                    }
                }
            }
            filled.append(message.charAt(at++));
        }
        return filled.toString();
    }

    /** A value as PHP prints it: null and false as nothing, true as 1, 42.0 as 42. */
    private static String text(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return "";
        }
        if (Boolean.TRUE.equals(value)) {
            return "1";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
