package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of Magento 2's REST API: an HTTP status and {@code {"message": "...",
 * "parameters": {...}}}, where the parameters fill the message's %placeholders, as Magento sends
 * them (its messages are phrases translated on the client's side). The messages are Magento
 * 2.3's for the same cases.
 */
final class RestError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, Object> parameters;

    RestError(int status, String message, Map<String, Object> parameters) {
        // An answer, not a bug: no stack trace to fill for every unknown id.
        super(message, null, false, false);
        this.status = status;
        this.parameters = parameters == null ? null : new LinkedHashMap<>(parameters);
    }

    RestError(int status, String message) {
        this(status, message, null);
    }

    int status() {
        return status;
    }

    /** The JSON body. */
    JsonNode body() {
        ObjectNode body = RestJson.object();
        body.put("message", getMessage());
        if (parameters != null) {
            body.set("parameters", RestJson.of(parameters));
        }
        return body;
    }

    /** A path or method Magento has no route for. */
    static RestError noRoute() {
        return new RestError(404, "Request does not match any route.");
    }

    /** No token, or not the integration's: the ACL resource the route needs is named. */
    static RestError unauthorized(String resource) {
        return new RestError(401, "The consumer isn't authorized to access %resources.", Map.of("resources", resource));
    }

    /** What Magento's repositories answer for an unknown id of a customer, group or category. */
    static RestError noSuchEntity(String field, Object value) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("fieldName", field);
        parameters.put("fieldValue", idValue(value));
        return new RestError(404, "No such entity with %fieldName = %fieldValue", parameters);
    }

    /** The sales repositories' answer for an unknown order, invoice or shipment. */
    static RestError entityNotFound() {
        return new RestError(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
    }

    /** The product repository's answer for an unknown SKU. */
    static RestError productNotFound() {
        return new RestError(404, "The product that was requested doesn't exist. Verify the product and try again.");
    }

    /** A required argument (a body field, searchCriteria) left out. */
    static RestError required(String field) {
        return new RestError(400, "\"%fieldName\" is required. Enter and try again.", Map.of("fieldName", field));
    }

    /** An argument whose value Magento cannot take. */
    static RestError invalidValue(String field, Object value) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("value", value == null ? "" : Values.text(value));
        parameters.put("fieldName", field);
        return new RestError(400, "Invalid value of \"%value\" provided for the %fieldName field.", parameters);
    }

    /** A body that is not JSON. */
    static RestError decodingError() {
        return new RestError(400, "Decoding error.");
    }

    /** Magento casts a numeric id it reads from the path; anything else stays text. */
    private static Object idValue(Object value) {
        String text = Values.text(value);
        if (text != null && text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        return text;
    }
}
