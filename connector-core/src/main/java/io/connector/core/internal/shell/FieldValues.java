package io.connector.core.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.FieldInfo.Types;

/**
 * A value typed in the shell, converted to the type the store holds its field's values in. Done
 * before the store sees it, because the store would refuse it later with less to go on: this
 * names what the field expects. One conversion for every record command, so that a value means
 * the same in a search and in a write.
 */
final class FieldValues {

    private FieldValues() {
    }

    /** An empty VALUE, or {@code null} in any case: no value. */
    static boolean meansNoValue(String text) {
        return text.isBlank() || text.trim().equalsIgnoreCase("null");
    }

    /**
     * {@code text} as a value of {@code field}, a single one: a relation's value is one id. Text
     * and selections are taken as given, spaces included; the rest is trimmed. {@code what} says
     * in the error what the text was, e.g. {@code --where value}.
     */
    static Object convert(String model, FieldInfo field, String text, String what) {
        String trimmed = text.trim();
        try {
            return switch (field.type()) {
                case Types.INTEGER, Types.MANY2ONE, Types.ONE2MANY, Types.MANY2MANY -> Long.valueOf(trimmed);
                case Types.DECIMAL -> new BigDecimal(trimmed);
                case Types.BOOLEAN -> bool(trimmed);
                case Types.DATE -> LocalDate.parse(trimmed);
                case Types.DATETIME -> dateTime(trimmed);
                case Types.SELECTION -> selection(field, text);
                default -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("Bad " + what + " '" + text + "' for " + model + "." + field.name() + " ("
                    + field.type() + "): expected " + expected(field));
        }
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** Datetimes are kept in UTC: one with an offset is converted, one without is taken as UTC. */
    private static LocalDateTime dateTime(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return LocalDateTime.parse(iso);
    }

    private static String selection(FieldInfo field, String text) {
        if (!field.selection().contains(text)) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private static String expected(FieldInfo field) {
        return switch (field.type()) {
            case Types.INTEGER -> "an integer";
            case Types.MANY2ONE, Types.ONE2MANY, Types.MANY2MANY -> "the id of a " + field.relation().orElse("record");
            case Types.DECIMAL -> "a number such as 12.50";
            case Types.BOOLEAN -> "true or false (or 1 or 0, yes or no)";
            case Types.DATE -> "a date such as 2026-11-22";
            case Types.DATETIME -> "a UTC datetime such as 2026-11-22T14:30:00 (or with an offset: 2026-11-22T15:30:00+01:00)";
            case Types.SELECTION -> "one of " + String.join(", ", field.selection());
            default -> "text";
        };
    }
}
