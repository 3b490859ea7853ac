package io.connector.store.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.StoreException;
import io.connector.store.internal.model.FieldDefinition;

/**
 * Converts between the values callers give (maps from mappers: often text from remote systems)
 * and what a column holds, refusing what does not fit with a message that names the model, the
 * field and the value.
 */
final class FieldCodec {

    /** Compiled once: every datetime written as text goes through here. */
    private static final Pattern WITH_OFFSET = Pattern.compile(".*[+-]\\d\\d:?\\d\\d$");

    private FieldCodec() {
    }

    /** The value to store for a stored field; null stays null. */
    static Object toColumn(String model, FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field.type()) {
                case FieldInfo.Types.TEXT -> text(value);
                case FieldInfo.Types.SELECTION -> selection(field, value);
                case FieldInfo.Types.INTEGER, FieldInfo.Types.MANY2ONE -> integer(value);
                case FieldInfo.Types.DECIMAL -> decimal(value);
                case FieldInfo.Types.BOOLEAN -> bool(value);
                case FieldInfo.Types.DATE -> date(value);
                case FieldInfo.Types.DATETIME -> dateTime(value);
                case FieldInfo.Types.BINARY -> binary(value);
                default -> throw new IllegalArgumentException(field.type() + " is not stored in a column");
            };
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            throw wrongValue(model, field, value, e.getMessage());
        }
    }

    /** The ids of a many-to-many value: a collection of ids. */
    static List<Long> ids(String model, FieldDefinition field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> collection)) {
            throw wrongValue(model, field, value, "expected a list of " + field.relation().orElse("") + " ids");
        }
        List<Long> ids = new ArrayList<>();
        for (Object id : collection) {
            try {
                ids.add(integer(id));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw wrongValue(model, field, value, "'" + id + "' is not an id");
            }
        }
        return ids;
    }

    static StoreException wrongValue(String model, FieldDefinition field, Object value, String why) {
        String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new StoreException("Invalid value for " + model + "." + field.name() + " (" + field.type() + "): "
                + shown + (value == null ? "" : " of type " + value.getClass().getSimpleName()) + ": " + why);
    }

    private static String text(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        throw new IllegalArgumentException("expected text");
    }

    private static String selection(FieldDefinition field, Object value) {
        String text = text(value);
        if (!field.selection().contains(text)) {
            throw new IllegalArgumentException("expected one of " + field.selection());
        }
        return text;
    }

    private static Long integer(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (value instanceof CharSequence text) {
            try {
                return Long.parseLong(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer");
            }
        }
        throw new IllegalArgumentException("expected an integer");
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a finite number");
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a decimal number");
            }
        }
        throw new IllegalArgumentException("expected a decimal number");
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value instanceof Number || value instanceof CharSequence ? value.toString().trim() : null;
        if ("1".equals(text) || "true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("0".equals(text) || "false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new IllegalArgumentException("expected a boolean (true/false, 1/0)");
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        }
        throw new IllegalArgumentException("expected a date (LocalDate or YYYY-MM-DD)");
    }

    /** Datetimes are stored as UTC without a zone; zoned values are converted. */
    private static LocalDateTime dateTime(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim().replace(' ', 'T');
            if (s.endsWith("Z") || WITH_OFFSET.matcher(s).matches()) {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(s);
        }
        throw new IllegalArgumentException("expected a datetime (LocalDateTime in UTC, Instant, or ISO text)");
    }

    static void bind(PreparedStatement statement, int index, FieldDefinition field, Object columnValue) throws SQLException {
        if (columnValue == null) {
            statement.setNull(index, sqlType(field));
        } else {
            statement.setObject(index, columnValue);
        }
    }

    static int sqlType(FieldDefinition field) {
        return switch (field.type()) {
            case FieldInfo.Types.INTEGER, FieldInfo.Types.MANY2ONE -> Types.BIGINT;
            case FieldInfo.Types.DECIMAL -> Types.NUMERIC;
            case FieldInfo.Types.BOOLEAN -> Types.BOOLEAN;
            case FieldInfo.Types.DATE -> Types.DATE;
            case FieldInfo.Types.DATETIME -> Types.TIMESTAMP;
            case FieldInfo.Types.BINARY -> Types.VARBINARY;
            default -> Types.VARCHAR;
        };
    }

    /** A stored field's value from a result row. */
    static Object fromColumn(FieldDefinition field, ResultSet row, String column) throws SQLException {
        Object value = switch (field.type()) {
            case FieldInfo.Types.INTEGER, FieldInfo.Types.MANY2ONE -> row.getObject(column, Long.class);
            case FieldInfo.Types.DECIMAL -> plain(row.getBigDecimal(column));
            case FieldInfo.Types.BOOLEAN -> row.getObject(column, Boolean.class);
            case FieldInfo.Types.DATE -> row.getObject(column, LocalDate.class);
            case FieldInfo.Types.DATETIME -> row.getObject(column, LocalDateTime.class);
            case FieldInfo.Types.BINARY -> row.getBytes(column);
            default -> row.getString(column);
        };
        return row.wasNull() ? null : value;
    }

    /** Bytes as given, or Base64 text (what a shell command or JSON carries) decoded. */
    private static byte[] binary(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CharSequence text) {
            try {
                return java.util.Base64.getDecoder().decode(text.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected bytes or Base64 text");
            }
        }
        throw new IllegalArgumentException("expected bytes or Base64 text, not " + value.getClass().getSimpleName());
    }

    /** 149.9900000000 reads back as 149.99, 100.0000000000 as 100. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
