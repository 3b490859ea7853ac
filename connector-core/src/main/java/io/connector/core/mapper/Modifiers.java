package io.connector.core.mapper;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The value modifiers mappers compose: reading a field, converting, dropping falsy values. */
final class Modifiers {

    private Modifiers() {
    }

    static Modifier convert(Modifier source, Class<?> type) {
        Function<Object, Object> converter = converter(type);
        return new Wrapped(source, (context, value) -> value == null ? null : converter.apply(value));
    }

    static Modifier none(Modifier source) {
        return new Wrapped(source, (context, value) -> isFalsy(value) ? null : value);
    }

    static Object falsyToNull(Object value) {
        return value == null || (value instanceof CharSequence text && text.length() == 0) ? null : value;
    }

    static boolean isFalsy(Object value) {
        return value == null || Boolean.FALSE.equals(value) || (value instanceof CharSequence text && text.length() == 0)
                || (value instanceof Number n && new BigDecimal(n.toString()).signum() == 0)
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    static Modifier plain(String field) {
        return new Named(field, (context, target) -> falsyToNull(context.get(field)));
    }

    static Function<Object, Object> converter(Class<?> type) {
        if (type == String.class) {
            return Object::toString;
        }
        if (type == Long.class) {
            return v -> v instanceof Number n ? (Object) n.longValue() : (Object) new BigDecimal(v.toString().trim()).longValueExact();
        }
        if (type == Integer.class) {
            return v -> v instanceof Number n ? (Object) n.intValue() : (Object) new BigDecimal(v.toString().trim()).intValueExact();
        }
        if (type == BigDecimal.class) {
            return v -> new BigDecimal(v.toString().trim());
        }
        if (type == Double.class) {
            return v -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        }
        if (type == Boolean.class) {
            return v -> v instanceof Boolean b ? b : !(isFalsy(v) || "false".equalsIgnoreCase(v.toString().trim())
                    || "0".equals(v.toString().trim()));
        }
        throw new IllegalArgumentException("convert() supports String, Long, Integer, BigDecimal, Double, Boolean; not " + type);
    }

    /** A modifier over another, keeping its source field. */
    record Wrapped(Modifier inner, BiFunction<MapContext, Object, Object> then)
            implements Modifier {
        @Override
        public Object apply(MapContext context, String target) {
            return then.apply(context, inner.apply(context, target));
        }

        @Override
        public String sourceField() {
            return inner.sourceField();
        }
    }

    /** A modifier reading one named field. */
    record Named(String field, Modifier body) implements Modifier {
        @Override
        public Object apply(MapContext context, String target) {
            return body.apply(context, target);
        }

        @Override
        public String sourceField() {
            return field;
        }
    }
}
