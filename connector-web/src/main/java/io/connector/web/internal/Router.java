package io.connector.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import io.connector.web.internal.Operator.Grant;

/**
 * The API's routes: a method, a path with {@code {name}} parts, the grant it needs and what
 * answers. Written by hand because the console's dozen routes do not need a JAX-RS stack in
 * Karaf (Aries JAX-RS is dormant), and a table keeps each route's role beside it.
 */
public final class Router {

    /** An answer with a status other than 200, e.g. 201 for what a POST created. */
    public record Status(int status, Object body) {
    }

    /** What a route does with a call: its answer's body, written as JSON with status 200, or a {@link Status}. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Call call) throws IOException;
    }

    /** One request: its path parts, parameters, body and operator. */
    public static final class Call {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final Map<String, String> parts;
        private final Operator operator;
        private Map<String, Object> body;

        Call(HttpServletRequest request, HttpServletResponse response, Map<String, String> parts, Operator operator) {
            this.request = request;
            this.response = response;
            this.parts = parts;
            this.operator = operator;
        }

        public String part(String name) {
            return parts.get(name);
        }

        public Operator operator() {
            return operator;
        }

        public HttpServletRequest request() {
            return request;
        }

        public HttpServletResponse response() {
            return response;
        }

        /** A query parameter, null when absent or empty. */
        public String param(String name) {
            String value = request.getParameter(name);
            return value == null || value.isEmpty() ? null : value;
        }

        /** An integer query parameter within bounds, or its default. */
        public int intParam(String name, int defaultValue, int min, int max) {
            String value = param(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    throw new ApiException(400, "Parameter '" + name + "' takes " + min + " to " + max + ", not " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ApiException(400, "Parameter '" + name + "' must be a whole number, not '" + value + "'");
            }
        }

        public Map<String, Object> body() throws IOException {
            if (body == null) {
                body = Json.readObject(request.getInputStream());
            }
            return body;
        }

        /** A text field of the body; {@code required} ones must be there and not blank. */
        public String text(String field, boolean required) throws IOException {
            Object value = body().get(field);
            if (value == null || value.toString().isBlank()) {
                if (required) {
                    throw new ApiException(400, "The request body needs the field '" + field + "'");
                }
                return null;
            }
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new ApiException(400, "Field '" + field + "' must be text, not " + value);
            }
            return value.toString();
        }
    }

    private record Route(String method, Pattern pattern, List<String> names, Grant grant, Handler handler) {
    }

    /** A route's match: it and its parts. */
    public record Match(Grant grant, Handler handler, Map<String, String> parts) {
    }

    private static final Pattern PART = Pattern.compile("\\{([a-z_]+)}");

    private final List<Route> routes = new ArrayList<>();

    public Router get(String path, Grant grant, Handler handler) {
        return add("GET", path, grant, handler);
    }

    public Router post(String path, Grant grant, Handler handler) {
        return add("POST", path, grant, handler);
    }

    public Router delete(String path, Grant grant, Handler handler) {
        return add("DELETE", path, grant, handler);
    }

    private Router add(String method, String path, Grant grant, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher parts = PART.matcher(path);
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (parts.find()) {
            regex.append(Pattern.quote(path.substring(at, parts.start()))).append("([^/]+)");
            names.add(parts.group(1));
            at = parts.end();
        }
        regex.append(Pattern.quote(path.substring(at)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, grant, handler));
        return this;
    }

    /**
     * The route of a method and path.
     *
     * @throws ApiException 404 when no route has the path, 405 (with the methods it takes) when none has the method
     */
    public Match match(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (matcher.matches()) {
                if (route.method.equals(method)) {
                    Map<String, String> parts = new LinkedHashMap<>();
                    for (int i = 0; i < route.names.size(); i++) {
                        parts.put(route.names.get(i), java.net.URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return new Match(route.grant, route.handler, parts);
                }
                allowed.add(route.method);
            }
        }
        if (allowed.isEmpty()) {
            throw new ApiException(404, "No such API resource: " + path + " (see docs/console.md for the API)");
        }
        throw new ApiException(405, "Method " + method + " is not allowed on " + path + "; it takes " + String.join(", ", allowed));
    }

    public Call call(HttpServletRequest request, HttpServletResponse response, Match match, Operator operator) {
        return new Call(request, response, match.parts(), operator);
    }
}
