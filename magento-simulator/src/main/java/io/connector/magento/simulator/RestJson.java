package io.connector.magento.simulator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The store's values as Magento 2's REST API writes them, and back. The store keeps what Magento
 * 1's XML-RPC answers, text mostly ({@code "69.0000"}, {@code "1"}); Magento 2 answers the same
 * columns typed by its service interfaces: numbers without trailing zeros ({@code 69},
 * {@code 74.7}), booleans, lists. A value that is not what its type expects (text in a number
 * field) goes out as it is, so nothing a test puts in the store is lost on the way.
 *
 * <p>Java nulls mean "absent": Magento 2 leaves a field out when its value is null, unless its
 * interface declares it required (then it writes {@code null}), which the shapes decide.
 */
final class RestJson {

    /** Writes amounts as 74.7, never 7.47E+1. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RestJson() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A number field (an id, an amount, a quantity): "69.0000" is 69, "8.2500" is 8.25; null stays absent. */
    static JsonNode number(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return NODES.numberNode(b ? 1 : 0);
        }
        BigDecimal decimal = decimalOrNull(Values.text(value));
        if (decimal == null) {
            return NODES.textNode(Values.text(value));
        }
        decimal = decimal.stripTrailingZeros();
        if (decimal.scale() <= 0) {
            try {
                long whole = decimal.longValueExact();
                return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
            } catch (ArithmeticException e) {
                return DecimalNode.valueOf(decimal.setScale(0));
            }
        }
        return DecimalNode.valueOf(decimal);
    }

    /** A flag ("1", "0", true): a JSON boolean; null stays absent. */
    static JsonNode bool(Object value) {
        return value == null ? null : NODES.booleanNode(Values.truthy(value));
    }

    /** A text field; a number stored there comes out as its text. */
    static JsonNode text(Object value) {
        return value == null ? null : NODES.textNode(Values.text(value));
    }

    /** A date, in Magento 2's naive UTC form, whatever form the store holds. */
    static JsonNode date(Object value) {
        return value == null ? null : NODES.textNode(MagentoDates.naiveUtc(Values.text(value)));
    }

    /** Anything the store holds as is (lists, maps, raw Magento 2 structures): plain JSON. */
    static JsonNode of(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = object();
            map.forEach((key, item) -> object.set(String.valueOf(key), of(item)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = array();
            list.forEach(item -> array.add(of(item)));
            return array;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number) {
            return number(value);
        }
        return NODES.textNode(Values.text(value));
    }

    /** Sets the field unless the value is absent (a Java null). */
    static void put(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }

    /**
     * A stored record from a Magento 2 answer whose fields only change their names: {@code pairs}
     * is the stored name, then the answer's, for each field, in the record's order.
     */
    static Map<String, Object> renamed(JsonNode json, String... pairs) {
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            record.put(pairs[i], toStore(json.get(pairs[i + 1])));
        }
        return record;
    }

    /** A Magento 2 value as the store keeps it: numbers and flags as text ("1"), lists and objects as Java lists and maps. */
    static Object toStore(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "1" : "0";
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return MAPPER.convertValue(node, Object.class);
    }

    /** An amount as Magento's decimal(12,4) columns keep it ("74.7000"), as 1.x answers it. */
    static Object toStoreAmount(JsonNode node) {
        if (node != null && node.isNumber()) {
            return Values.amount(node.decimalValue());
        }
        return toStore(node);
    }

    /** A JSON value as plain Java (maps, lists, strings, numbers, booleans), for the call log. */
    static Object toJava(JsonNode node) {
        return node == null ? null : MAPPER.convertValue(node, Object.class);
    }

    private static BigDecimal decimalOrNull(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        String trimmed = text.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            char ch = trimmed.charAt(i);
            if (!(Character.isDigit(ch) || ch == '.' || (ch == '-' && i == 0))) {
                return null;
            }
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
