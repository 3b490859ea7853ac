package io.connector.magento.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One REST request as a route's handler sees it.
 *
 * @param method      GET, POST, PUT
 * @param storeViewId the store view of a store-scoped path ({@code /rest/default/V1/...}), null for the default scope
 * @param path        the route's path parameters, decoded ({@code sku} = "bla/koe" for {@code products/bla%2Fkoe})
 * @param query       the query parameters, decoded, each with its values in the order given
 * @param body        the JSON body of a POST or PUT, null for none
 * @param baseUrl     the shop's base URL as the client reached it ({@code http://127.0.0.1:41234/}), for the URLs Magento answers
 */
record RestRequest(String method, String storeViewId, Map<String, String> path, Map<String, List<String>> query, JsonNode body,
        String baseUrl) {

    /** A path parameter. */
    String param(String name) {
        return path.get(name);
    }

    /** The first value of a query parameter, or null. */
    String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A field of the body's top-level object; 400 when the body has none. */
    JsonNode required(String field) throws RestError {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            throw RestError.required(field);
        }
        return value;
    }
}
