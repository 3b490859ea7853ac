package io.connector.jobs.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.connector.api.ConnectorException;

/**
 * Job arguments as JSON text, with Jackson: plain data only (maps, lists, text, numbers,
 * booleans, null, and dates as ISO text), never Java serialization.
 */
public final class JsonArgs {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** Resolved once: a runner reads the arguments of every job it runs. */
    private static final ObjectReader ARGS = JSON.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { });

    private JsonArgs() {
    }

    public static String write(Map<String, ?> args) {
        try {
            return JSON.writeValueAsString(plain("args", args));
        } catch (IOException e) {
            throw new ConnectorException("Cannot write job arguments as JSON: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> read(String json) {
        try {
            return ARGS.readValue(json);
        } catch (IOException e) {
            throw new ConnectorException("Cannot read job arguments " + json + ": " + e.getMessage(), e);
        }
    }

    private static Object plain(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(path + "." + k, v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>();
            int i = 0;
            for (Object item : collection) {
                copy.add(plain(path + "[" + i++ + "]", item));
            }
            return copy;
        }
        throw new ConnectorException("Job argument " + path + " is a " + value.getClass().getName()
                + ": arguments are maps, lists, text, numbers, booleans, null or dates");
    }
}
