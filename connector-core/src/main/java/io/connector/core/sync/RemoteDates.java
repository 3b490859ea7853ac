package io.connector.core.sync;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Dates as remote systems send them: {@code 2017-06-27 15:36:55} (naive UTC), ISO 8601 with an
 * offset ({@code 2013-04-24T17:09:09+02:00}), or {@code 0000-00-00 00:00:00} for none.
 */
public final class RemoteDates {

    /** Compiled once: every date of every record goes through here. */
    private static final Pattern WITH_OFFSET = Pattern.compile(".*(Z|[+-]\\d\\d:?\\d\\d)$");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile(".*[+-]\\d{4}$");

    private RemoteDates() {
    }

    /** In UTC; null for none. An unparsable date is an error that quotes it. */
    public static LocalDateTime utc(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        String text = value.toString().trim();
        if (text.isEmpty() || text.startsWith("0000-00-00")) {
            return null;
        }
        try {
            String iso = text.replace(' ', 'T');
            if (WITH_OFFSET.matcher(iso).matches()) {
                return OffsetDateTime.parse(OFFSET_WITHOUT_COLON.matcher(iso).matches() ? iso.substring(0, iso.length() - 2) + ":"
                        + iso.substring(iso.length() - 2) : iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return iso.length() == 10 ? java.time.LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Unparsable date '" + text + "'");
        }
    }
}
