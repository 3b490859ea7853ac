package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The routes of the REST API, as Magento 2's webapi.xml declares them: an HTTP method, a path
 * below {@code /V1/} with {@code {parameters}}, the ACL resource a token must grant, and what
 * answers. A literal segment wins over a parameter ({@code customers/search} before
 * {@code customers/{id}}), as in Magento's router.
 */
final class RestRoutes {

    /** Answers one route; errors are {@link RestError}s. */
    @FunctionalInterface
    interface Handler {
        JsonNode handle(RestRequest request) throws RestError;
    }

    /** One route; its name, e.g. "GET products/{sku}", is what the call log and the counts show. */
    record Route(String method, String template, String resource, Handler handler) {

        String name() {
            return method + " " + template;
        }

        List<String> segments() {
            return List.of(template.split("/"));
        }
    }

    /** A route and the path parameters the request gave it. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, String resource, Handler handler) {
        for (Route route : routes) {
            if (route.method().equals(method) && route.template().equals(template)) {
                throw new IllegalStateException("Two answers for " + method + " " + template);
            }
        }
        routes.add(new Route(method, template, resource, handler));
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route for a method and the decoded path segments below {@code /V1/}, if any. */
    Optional<Match> match(String method, List<String> segments) {
        Match best = null;
        int bestLiterals = -1;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            List<String> template = route.segments();
            if (template.size() != segments.size()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.size() && matches; i++) {
                String part = template.get(i);
                if (part.startsWith("{") && part.endsWith("}")) {
                    parameters.put(part.substring(1, part.length() - 1), segments.get(i));
                } else if (part.equals(segments.get(i))) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = new Match(route, parameters);
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }
}
