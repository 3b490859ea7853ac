package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * XML-RPC values as JSON, keeping the XML-RPC type visible where JSON has one: what the codec
 * decodes ({@code string} as String, {@code int} as Integer, {@code double} as Double,
 * {@code boolean} as Boolean, {@code struct} as a Map, {@code array} as a List, {@code nil} as
 * null) becomes a JSON string, integer, number with a fraction ({@code 1.0}, never {@code 1}),
 * boolean, object, array and null. JSON has no date nor binary: {@code dateTime.iso8601} (a
 * LocalDateTime) comes out as its XML-RPC text {@code "20170630T12:48:31"} and {@code base64}
 * (a byte[]) as base64 text.
 *
 * <p>Built as a tree rather than by Jackson's bean mapping, which refuses a LocalDateTime without
 * its JSR-310 module and whose number forms are its own choice.
 */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private JsonValues() {
    }

    static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof CharSequence text) {
            return NODES.textNode(text.toString());
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JSON has no NaN nor infinity; XML-RPC's reader takes their text.
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
        }
        if (value instanceof BigDecimal decimal) {
            // A double on the wire (the codec writes BigDecimal as <double>): keep a fraction.
            // DecimalNode as is: the factory would strip the trailing zeros.
            return DecimalNode.valueOf(decimal.scale() > 0 ? decimal : decimal.setScale(1));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof LocalDateTime dateTime) {
            return NODES.textNode(ISO8601.format(dateTime));
        }
        if (value instanceof byte[] bytes) {
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), of(item)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(of(item)));
            return array;
        }
        return NODES.textNode(value.toString());
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
