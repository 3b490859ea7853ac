package io.connector.core.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Records as the {@code --json} option of the shell commands prints them, for scripts: one JSON
 * array of objects, field name to value. Dates and datetimes (UTC, without an offset, as the
 * store keeps them) are ISO text; decimals are numbers written out in full, never as 1E+3.
 */
final class JsonRecords {

    // Without jackson-datatype-jsr310 in the bundle's features, java.time values are converted here.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonRecords() {
    }

    static String write(List<Map<String, Object>> records) {
        List<Map<String, Object>> plain = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            Map<String, Object> values = new LinkedHashMap<>();
            record.forEach((field, value) -> values.put(field, plain(value)));
            plain.add(values);
        }
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write records as JSON: " + e.getMessage(), e);
        }
    }

    /** A value as text for a table cell: the JSON form, without quotes, empty for none. */
    static String cell(Object value) {
        Object plain = plain(value);
        if (plain == null) {
            return "";
        }
        if (plain instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        return plain instanceof BigDecimal decimal ? decimal.toPlainString() : plain.toString();
    }

    private static Object plain(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(JsonRecords::plain).toList();
        }
        return value;
    }
}
