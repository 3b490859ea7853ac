package io.connector.magento.simulator;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Magento's two ways of writing a date: naive UTC "2014-05-03 21:36:47" in most fields and SQL,
 * ISO 8601 with an offset ("2013-05-16T06:20:45+02:00") in some {@code created_at}. Filters
 * compare the first form as text, so the second is brought to it.
 */
final class MagentoDates {

    static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern WITH_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern ISO_NAIVE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private MagentoDates() {
    }

    /** The naive UTC text of a date in either form; any other text as it is. */
    static String naiveUtc(String text) {
        if (text == null) {
            return null;
        }
        if (WITH_OFFSET.matcher(text).matches()) {
            try {
                return NAIVE.format(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        if (ISO_NAIVE.matcher(text).matches()) {
            return text.replace('T', ' ');
        }
        return text;
    }

    /** Now, in Magento's naive UTC form. */
    static String now() {
        return NAIVE.format(LocalDateTime.now(ZoneOffset.UTC));
    }
}
