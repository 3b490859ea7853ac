package io.connector.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** The console's JSON: times as ISO text (the store's are UTC), errors as {@code {"error": ..., "status": ...}}. */
public final class Json {

    /** A request body larger than this is refused: the API takes small commands, never data. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("times").addSerializer(Temporal.class, ToStringSerializer.instance))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).build());
    }

    private Json() {
    }

    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        write(response, status, body);
    }

    /** A request's JSON object; an empty body is an empty object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "The request body is over " + MAX_BODY_BYTES / 1024 + " KB");
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Object value = MAPPER.readValue(bytes, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                throw new ApiException(400, "The request body must be a JSON object, not " + MAPPER.writeValueAsString(value));
            }
            return (Map<String, Object>) map;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
