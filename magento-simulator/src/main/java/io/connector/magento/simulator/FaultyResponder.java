package io.connector.magento.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;

/**
 * Answers one HTTP request of an API (XML-RPC, REST, the product images) through the
 * {@link FaultInjection}, the same way whatever the protocol: counts the request, waits the
 * latency, then draws the fault. A 503 or a reset happen before the call runs; a malformed or
 * truncated body after it ran, so that a write the client saw fail may still have happened, as
 * with a real shop.
 */
final class FaultyResponder {

    /** What a call answers when nothing goes wrong. */
    record Reply(int status, String contentType, byte[] body) {
    }

    /** Runs the call: only when no fault refuses the request first. */
    @FunctionalInterface
    interface Call {
        Reply run() throws IOException;
    }

    /** A proxy's answer when PHP is down, whatever the API. */
    private static final byte[] SERVICE_UNAVAILABLE = ("<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n"
            + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body>\n</html>\n").getBytes(StandardCharsets.US_ASCII);

    private final FaultInjection faults;
    private final CallStats stats;
    private final byte[] malformedBody;

    /** @param malformedBody what PHP prints when it dies half-way through this API's answer */
    FaultyResponder(FaultInjection faults, CallStats stats, byte[] malformedBody) {
        this.faults = faults;
        this.stats = stats;
        this.malformedBody = malformedBody.clone();
    }

    /** Answers the exchange (and closes it): the call's reply, or the fault drawn for this request. */
    void respond(HttpExchange exchange, Call call) throws IOException {
        stats.request();
        pause();
        FaultInjection.HttpFault fault = faults.next();
        if (fault != FaultInjection.HttpFault.NONE) {
            stats.fault(fault.name());
        }
        switch (fault) {
            case CONNECTION_RESET -> {
                // Closing an exchange before its response headers closes the connection itself.
                exchange.close();
                return;
            }
            case SERVICE_UNAVAILABLE -> {
                send(exchange, 503, "text/html", SERVICE_UNAVAILABLE);
                return;
            }
            default -> {
            }
        }
        Reply reply = call.run();
        switch (fault) {
            // PHP died after the headers went out: HTTP 200 and an error page in place of the answer.
            case MALFORMED_BODY -> send(exchange, 200, reply.contentType(), malformedBody);
            case TRUNCATED_BODY -> send(exchange, reply.status(), reply.contentType(), Arrays.copyOf(reply.body(), reply.body().length / 2));
            default -> send(exchange, reply.status(), reply.contentType(), reply.body());
        }
    }

    private void pause() {
        long millis = faults.latencyMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
