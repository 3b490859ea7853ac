package io.connector.magento.internal.mapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.connector.api.unit.MappingException;

/**
 * Reads PHP's {@code serialize()} format, which Magento 1 uses for an order item's
 * {@code product_options} and an order's {@code gift_cards}. Written here because the format is
 * small and the Java readers of it are unmaintained. Arrays become ordered maps (keys as text),
 * objects their properties; a string's length counts UTF-8 bytes, as PHP's does.
 */
public final class PhpSerialized {

    /** Deeper than any options array Magento writes: a guard against a hostile value. */
    private static final int MAX_DEPTH = 32;

    private final byte[] in;
    private int at;

    private PhpSerialized(byte[] in) {
        this.in = in;
    }

    /** The value of {@code text}; a {@link MappingException} naming the position when it is not PHP's format. */
    public static Object parse(String text) {
        PhpSerialized reader = new PhpSerialized(text.getBytes(StandardCharsets.UTF_8));
        Object value = reader.value(0);
        if (reader.at != reader.in.length) {
            throw reader.error("text after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        char type = (char) next();
        if (type == 'N') {
            expect(';');
            return null;
        }
        expect(':');
        switch (type) {
            case 'b':
                return !"0".equals(until(';'));
            case 'i':
                return parseNumber(until(';'), false);
            case 'd':
                return parseNumber(until(';'), true);
            case 's':
                return string(';');
            case 'a':
                return entries(Integer.parseInt(until(':')), depth);
            case 'O':
                until(':');
                skipString();
                expect(':');
                return entries(Integer.parseInt(until(':')), depth);
            default:
                throw error("unknown type '" + type + "'");
        }
    }

    private Map<String, Object> entries(int count, int depth) {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Object key = value(depth + 1);
            map.put(String.valueOf(key), value(depth + 1));
        }
        expect('}');
        return map;
    }

    /** {@code N:"bytes"} then {@code end}. */
    private String string(char end) {
        int length = Integer.parseInt(until(':'));
        expect('"');
        if (length < 0 || at + length > in.length) {
            throw error("a string of " + length + " bytes runs past the end");
        }
        String text = new String(in, at, length, StandardCharsets.UTF_8);
        at += length;
        expect('"');
        expect(end);
        return text;
    }

    private void skipString() {
        string(':');
        at--; // the class name's ':' is read by the caller
    }

    private Object parseNumber(String text, boolean decimal) {
        try {
            return decimal ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a number");
        }
    }

    private String until(char end) {
        int start = at;
        while (at < in.length && in[at] != end) {
            at++;
        }
        if (at == in.length) {
            throw error("'" + end + "' expected");
        }
        return new String(in, start, at++ - start, StandardCharsets.US_ASCII);
    }

    private int next() {
        if (at >= in.length) {
            throw error("the value ends too early");
        }
        return in[at++];
    }

    private void expect(char c) {
        if (next() != c) {
            at--;
            throw error("'" + c + "' expected");
        }
    }

    private MappingException error(String what) {
        return new MappingException("Not PHP serialized data at byte " + at + ": " + what);
    }
}
