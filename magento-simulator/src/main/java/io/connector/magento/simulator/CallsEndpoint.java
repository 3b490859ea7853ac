package io.connector.magento.simulator;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /calls}: the API calls answered since the start or the last clear, oldest first, as
 * {@code [{"method": "sales_order_invoice.create", "args": [...], "faultCode": null}]}, for a
 * test whose client runs in another JVM (Karaf) to check what the shop was sent.
 * {@code ?method=M} (repeatable) keeps the calls of those methods. {@code POST /calls/clear}
 * forgets them and answers {@code {"cleared": N}}.
 *
 * <p>{@code method} is the API path of a {@code call} or a {@code multiCall} item, or
 * {@code login} / {@code endSession} / {@code multiCall} (a batch refused whole); {@code args}
 * are the decoded arguments with their XML-RPC types (see {@link JsonValues}); {@code faultCode}
 * the fault answered, null when none. Login's arguments are left out: a login is {@code "args": []}.
 *
 * <p>When the simulator does not record calls (the command line without {@code --record-calls},
 * {@code recordCalls(false)}), both answer HTTP 409 and say so, rather than an empty list a test
 * would take for "nothing was called".
 */
final class CallsEndpoint implements HttpHandler {

    static final String PATH = "/calls";
    private static final String USAGE = "GET /calls[?method=M] lists the API calls answered; POST /calls/clear forgets them";
    static final String NOT_RECORDING = "This simulator does not record calls: start it with --record-calls "
            + "(MagentoSimulator.builder().recordCalls(true)) to read them at /calls";

    private final CallLog log;

    CallsEndpoint(CallLog log) {
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean list = path.equals(PATH) || path.equals(PATH + "/");
            boolean clear = path.equals(PATH + "/clear");
            if (!list && !clear) {
                JsonHttp.error(exchange, 404, USAGE);
                return;
            }
            if (!method.equals(list ? "GET" : "POST")) {
                exchange.getResponseHeaders().set("Allow", list ? "GET" : "POST");
                JsonHttp.error(exchange, 405, USAGE);
                return;
            }
            if (!log.recording()) {
                JsonHttp.error(exchange, 409, NOT_RECORDING);
                return;
            }
            if (clear) {
                JsonHttp.send(exchange, 200, JsonValues.object().put("cleared", log.clear()));
                return;
            }
            List<String> methods = JsonHttp.query(exchange).getOrDefault("method", List.of());
            Set<String> wanted = Set.copyOf(methods.stream().filter(m -> !m.isEmpty()).toList());
            ArrayNode calls = JsonValues.array();
            for (RecordedCall call : log.calls()) {
                if (wanted.isEmpty() || wanted.contains(call.method())) {
                    calls.add(json(call));
                }
            }
            JsonHttp.send(exchange, 200, calls);
        }
    }

    static ObjectNode json(RecordedCall call) {
        ObjectNode json = JsonValues.object();
        json.put("method", call.method());
        // The user name is half of the credentials: a login says only that it happened.
        json.set("args", "login".equals(call.method()) ? JsonValues.array() : JsonValues.of(call.args()));
        if (call.faultCode() == null) {
            json.putNull("faultCode");
        } else {
            json.put("faultCode", call.faultCode().intValue());
        }
        return json;
    }
}
