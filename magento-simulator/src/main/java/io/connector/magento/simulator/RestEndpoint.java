package io.connector.magento.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Magento 2's REST API: {@code /index.php/rest/V1/...} and the store-scoped
 * {@code /index.php/rest/{store code}/V1/...} (with or without {@code index.php}), over the same
 * store as the XML-RPC API, through the same injected faults ({@link FaultyResponder}).
 *
 * <p>As Magento's: the route is found first (404 "Request does not match any route." for an
 * unknown path or method, or an unknown store code), then the {@code Authorization: Bearer
 * <token>} header checked (401 naming the route's ACL resource), then the route answers, JSON
 * in and out. {@code fields=...} filters any answer ({@link FieldsProjection}).
 *
 * <p>Each request is counted ({@link CallStats}: its HTTP method as the method, the route, e.g.
 * "GET products/{sku}", as the path) and, when calls are recorded, logged as a
 * {@link RecordedCall} whose method is the route and whose one argument is an object: the path
 * parameters by name, {@code "store"} for a store-scoped request, {@code "query"} (the query
 * parameters, a list where one is repeated) and {@code "body"} (the JSON body); its fault code
 * is the HTTP status of an error answer (400, 401, 404, 500), null otherwise.
 */
final class RestEndpoint implements HttpHandler {

    static final String PATH = "/index.php/rest";
    static final String SHORT_PATH = "/rest";
    static final String JSON = "application/json; charset=utf-8";
    /** What PHP prints when it dies half-way through an answer. */
    private static final byte[] MALFORMED = ("<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted "
            + "(tried to allocate 20480 bytes) in <b>/var/www/html/vendor/magento/framework/Webapi/ServiceOutputProcessor.php</b> "
            + "on line <b>117</b><br />\n").getBytes(StandardCharsets.US_ASCII);

    private final DataStore store;
    private final RestRoutes routes;
    private final String token;
    private final FaultyResponder responder;
    private final CallStats stats;
    private final Consumer<RecordedCall> recorder;

    RestEndpoint(DataStore store, RestRoutes routes, String token, FaultInjection faults, CallStats stats, Consumer<RecordedCall> recorder) {
        this.store = store;
        this.routes = routes;
        this.token = token;
        this.responder = new FaultyResponder(faults, stats, MALFORMED);
        this.stats = stats;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            responder.respond(exchange, () -> answer(exchange, body));
        } finally {
            exchange.close();
        }
    }

    private FaultyResponder.Reply answer(HttpExchange exchange, byte[] requestBody) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        stats.method(method);
        String rawPath = exchange.getRequestURI().getRawPath();
        Map<String, Object> args = new LinkedHashMap<>();
        String name = method + " " + rawPath;
        JsonNode answer;
        int status = 200;
        try {
            List<String> segments = segments(rawPath);
            String storeCode = storeCode(segments);
            Optional<RestRoutes.Match> match = routes.match(method, segments);
            if (match.isEmpty()) {
                stats.path(name);
                throw RestError.noRoute();
            }
            RestRoutes.Route route = match.get().route();
            name = route.name();
            stats.path(name);
            args.putAll(match.get().parameters());
            if (storeCode != null) {
                args.put("store", storeCode);
            }
            Map<String, List<String>> query = JsonHttp.query(exchange);
            if (!query.isEmpty()) {
                args.put("query", queryArgs(query));
            }
            JsonNode body = body(requestBody, method);
            if (body != null) {
                args.put("body", RestJson.toJava(body));
            }
            if (!authorized(exchange)) {
                throw RestError.unauthorized(route.resource());
            }
            RestRequest request = new RestRequest(method, storeViewId(storeCode), match.get().parameters(), query, body, baseUrl(exchange));
            answer = route.handler().handle(request);
            String fields = request.queryValue("fields");
            if (fields != null && !fields.isEmpty()) {
                answer = FieldsProjection.parse(fields).apply(answer);
            }
        } catch (RestError error) {
            status = error.status();
            answer = error.body();
        } catch (RuntimeException e) {
            // A bug in the simulator or data it cannot answer: Magento's answer to a PHP exception.
            System.err.println("Magento simulator: " + name + " failed: " + e);
            status = 500;
            answer = new RestError(500, "Internal Error. Details are available in Magento log file. Report ID: webapi-simulator").body();
        }
        List<Object> recordedArgs = new ArrayList<>();
        recordedArgs.add(args);
        recorder.accept(new RecordedCall(name, recordedArgs, null, Instant.now(), status >= 400 ? status : null));
        return new FaultyResponder.Reply(status, JSON, RestJson.MAPPER.writeValueAsBytes(answer));
    }

    /**
     * The decoded segments after {@code /rest/}: {@code [store code,] V1, resource...}. A segment
     * is decoded on its own, so that a SKU's {@code %2F} stays inside it; {@code +} is a space,
     * as the reference connector quotes keys with quote_plus.
     */
    private static List<String> segments(String rawPath) throws RestError {
        String path = rawPath.startsWith("/index.php/") ? rawPath.substring("/index.php".length()) : rawPath;
        if (!path.startsWith(SHORT_PATH + "/")) {
            throw RestError.noRoute();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(SHORT_PATH.length() + 1).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    /** Takes the store code and "V1" off the segments; null for the default scope. */
    private String storeCode(List<String> segments) throws RestError {
        if (segments.isEmpty()) {
            throw RestError.noRoute();
        }
        String code = null;
        if (!segments.get(0).equals("V1")) {
            code = segments.remove(0);
            if (segments.isEmpty() || !segments.get(0).equals("V1") || !knownStore(code)) {
                throw RestError.noRoute();
            }
        }
        segments.remove(0);
        return code;
    }

    /** "all" is every store view's default values; any other code must be a store view's. */
    private boolean knownStore(String code) {
        return code.equals("all") || storeViewId(code) != null;
    }

    private String storeViewId(String code) {
        if (code == null || code.equals("all")) {
            return null;
        }
        List<String> ids = store.storeViews().ids(view -> code.equals(Values.text(view.get("code"))));
        return ids.isEmpty() ? null : ids.get(0);
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        String given = header.trim();
        return given.regionMatches(true, 0, "Bearer ", 0, 7) && given.substring(7).trim().equals(token);
    }

    private static JsonNode body(byte[] body, String method) throws RestError {
        if (method.equals("GET") || body.length == 0) {
            return null;
        }
        try {
            return RestJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw RestError.decodingError();
        }
    }

    private static Map<String, Object> queryArgs(Map<String, List<String>> query) {
        Map<String, Object> args = new LinkedHashMap<>();
        query.forEach((name, values) -> args.put(name, values.size() == 1 ? values.get(0) : new ArrayList<Object>(values)));
        return args;
    }

    /** The shop's base URL as the client reached it: the Host it asked for. */
    private static String baseUrl(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        return "http://" + host + "/";
    }
}
