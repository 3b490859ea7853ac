package io.connector.magento.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /index.php/api/xmlrpc}: the HTTP side of the API, and where the injected faults
 * happen (see {@link FaultInjection}).
 */
final class XmlRpcEndpoint implements HttpHandler {

    static final String PATH = "/index.php/api/xmlrpc";
    private static final String XML = "text/xml; charset=UTF-8";
    private static final byte[] SERVICE_UNAVAILABLE = ("<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n"
            + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body>\n</html>\n").getBytes(StandardCharsets.US_ASCII);
    /** What a shop answers when PHP dies half-way: HTTP 200 and an HTML error in place of XML. */
    private static final byte[] MALFORMED = ("<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted "
            + "(tried to allocate 72 bytes) in <b>/var/www/magento/lib/Zend/XmlRpc/Value.php</b> on line <b>476</b><br />\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final MagentoApi api;
    private final FaultInjection faults;
    private final CallStats stats;

    XmlRpcEndpoint(MagentoApi api, FaultInjection faults, CallStats stats) {
        this.api = api;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, "text/plain; charset=UTF-8", "XML-RPC takes POST\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] request = exchange.getRequestBody().readAllBytes();
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
            byte[] response = api.answer(request);
            if (fault == FaultInjection.HttpFault.MALFORMED_BODY) {
                response = MALFORMED;
            } else if (fault == FaultInjection.HttpFault.TRUNCATED_BODY) {
                response = Arrays.copyOf(response, response.length / 2);
            }
            send(exchange, 200, XML, response);
        } finally {
            exchange.close();
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

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
