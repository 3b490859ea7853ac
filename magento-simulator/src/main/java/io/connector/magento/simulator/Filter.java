package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Magento API filter, {@code {field: {op: value}}} or {@code {field: value}} for equality, as
 * Magento turns it into SQL over its text columns. Operators: eq, neq, in, nin, from, to (both
 * inclusive), gt, lt, gteq (and its old name moreq), lteq, like (with %), null, notnull, finset (the value
 * is one of a comma-separated field's, SQL's FIND_IN_SET). Values compare as text, dates
 * first brought to naive UTC; where both sides are numbers, they compare as numbers. As in SQL, a
 * missing or nil field matches nothing but {@code null}. A field holding a list (a product's
 * category_ids) matches when one of its items does.
 */
final class Filter {

    private record Condition(String field, String operator, Object value) {
    }

    static final Filter ALL = new Filter(List.of());

    private final List<Condition> conditions;

    private Filter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** The filter of a call's argument: a struct, or nothing for every record. */
    static Filter parse(Object argument) throws ApiFault {
        if (argument == null || (argument instanceof Collection<?> list && list.isEmpty())) {
            return ALL;
        }
        if (!(argument instanceof Map<?, ?> struct)) {
            throw invalid("filters must be a struct, not " + Values.text(argument));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> entry : struct.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (entry.getValue() instanceof Map<?, ?> operators) {
                for (Map.Entry<?, ?> op : operators.entrySet()) {
                    String operator = String.valueOf(op.getKey());
                    if (!isOperator(operator)) {
                        throw invalid("unknown operator '" + operator + "' on " + field);
                    }
                    conditions.add(new Condition(field, operator, op.getValue()));
                }
            } else {
                conditions.add(new Condition(field, "eq", entry.getValue()));
            }
        }
        return new Filter(conditions);
    }

    private static ApiFault invalid(String detail) {
        return new ApiFault(101, "Invalid filters given. Details in error message: " + detail);
    }

    private static boolean isOperator(String operator) {
        return switch (operator) {
            case "eq", "neq", "in", "nin", "from", "to", "gt", "lt", "gteq", "moreq", "lteq", "like", "null", "notnull", "finset" -> true;
            default -> false;
        };
    }

    /** The value of a plain equality on {@code field}, to look records up by an index first. */
    Optional<String> equalityOn(String field) {
        for (Condition c : conditions) {
            if (c.field().equals(field) && c.operator().equals("eq")) {
                return Optional.ofNullable(Values.text(c.value()));
            }
        }
        return Optional.empty();
    }

    boolean matches(Map<String, Object> record) {
        for (Condition c : conditions) {
            if (!matches(c, record.get(c.field()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Condition c, Object fieldValue) {
        switch (c.operator()) {
            case "null":
                return Values.truthy(c.value()) == (fieldValue == null);
            case "notnull":
                return Values.truthy(c.value()) == (fieldValue != null);
            default:
                break;
        }
        if (fieldValue == null) {
            return false;
        }
        if (fieldValue instanceof Collection<?> items) {
            // nin and neq must hold for every item; the others for one.
            boolean negative = c.operator().equals("nin") || c.operator().equals("neq");
            for (Object item : items) {
                boolean match = item != null && compare(c, Values.text(item));
                if (negative && !match) {
                    return false;
                }
                if (!negative && match) {
                    return true;
                }
            }
            return negative;
        }
        return compare(c, Values.text(fieldValue));
    }

    private static boolean compare(Condition c, String value) {
        return switch (c.operator()) {
            case "eq" -> same(value, c.value());
            case "neq" -> !same(value, c.value());
            case "in" -> anyOf(value, c.value());
            case "nin" -> !anyOf(value, c.value());
            case "from", "gteq", "moreq" -> order(value, c.value()) >= 0;
            case "to", "lteq" -> order(value, c.value()) <= 0;
            case "gt" -> order(value, c.value()) > 0;
            case "lt" -> order(value, c.value()) < 0;
            case "like" -> like(value, Values.text(c.value()));
            case "finset" -> List.of(value.split(",")).contains(Values.text(c.value()));
            default -> false;
        };
    }

    private static boolean same(String value, Object expected) {
        return expected != null && order(value, expected) == 0;
    }

    private static boolean anyOf(String value, Object expected) {
        if (expected instanceof Collection<?> list) {
            for (Object item : list) {
                if (same(value, item)) {
                    return true;
                }
            }
            return false;
        }
        // PHP accepts "1,2,3" for in.
        String text = Values.text(expected);
        if (text == null) {
            return false;
        }
        for (String item : text.split(",")) {
            if (same(value, item.trim())) {
                return true;
            }
        }
        return false;
    }

    private static int order(String value, Object bound) {
        String a = MagentoDates.naiveUtc(value);
        String b = MagentoDates.naiveUtc(Values.text(bound));
        if (b == null) {
            return 1;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null ? x.compareTo(y) : a.compareTo(b);
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || (ch == '-' && i == 0))) {
                return null;
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** SQL LIKE, case-insensitive as MySQL's default collation: % any run, _ one character. */
    private static boolean like(String value, String pattern) {
        if (pattern == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
                .matcher(value).matches();
    }

    @Override
    public String toString() {
        return conditions.toString();
    }
}
