package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one API call, read the way PHP reads them: a missing trailing argument is
 * null (clients drop trailing nils), and an id may come as int or string.
 */
final class Arguments {

    private final List<Object> values;

    Arguments(List<Object> values) {
        this.values = values;
    }

    /** {@code call}'s third parameter: PHP wraps anything that is not an array into one. */
    static Arguments of(Object param) {
        if (param == null) {
            return new Arguments(List.of());
        }
        if (param instanceof Collection<?> list) {
            return new Arguments(new ArrayList<>(list));
        }
        List<Object> single = new ArrayList<>();
        single.add(param);
        return new Arguments(single);
    }

    List<Object> asList() {
        return values;
    }

    Object get(int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /** The argument as text (an id, a code), or null. */
    String text(int index) {
        return Values.text(get(index));
    }

    /** The argument as a struct (filters, quantities), or null when it is absent or not one. */
    @SuppressWarnings("unchecked")
    Map<String, Object> struct(int index) {
        return get(index) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** The argument as a list of attribute names, or null. */
    List<String> names(int index) {
        if (!(get(index) instanceof Collection<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            names.add(Values.text(item));
        }
        return names;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
