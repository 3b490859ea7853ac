package io.connector.core.internal.resolver;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reading multi-valued service properties. */
public final class OsgiProperties {

    private OsgiProperties() {
    }

    /** A property given as a string, an array or a collection, as a set of non-blank strings. */
    public static Set<String> texts(Object value) {
        Set<String> texts = new LinkedHashSet<>();
        if (value instanceof Object[] array) {
            Arrays.stream(array).forEach(v -> add(texts, v));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> add(texts, v));
        } else if (value != null) {
            add(texts, value);
        }
        return texts;
    }

    private static void add(Set<String> texts, Object value) {
        String text = value == null ? "" : value.toString().trim();
        if (!text.isEmpty()) {
            texts.add(text);
        }
    }
}
