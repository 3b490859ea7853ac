package io.connector.magento.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code POST /index.php/api/xmlrpc}: the HTTP side of the XML-RPC API, through the injected
 * faults ({@link FaultyResponder}).
 */
final class XmlRpcEndpoint implements HttpHandler {

    static final String PATH = "/index.php/api/xmlrpc";
    private static final String XML = "text/xml; charset=UTF-8";
    /** What a shop answers when PHP dies half-way: HTTP 200 and an HTML error in place of XML. */
    private static final byte[] MALFORMED = ("<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted "
            + "(tried to allocate 72 bytes) in <b>/var/www/magento/lib/Zend/XmlRpc/Value.php</b> on line <b>476</b><br />\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final MagentoApi api;
    private final FaultyResponder responder;

    XmlRpcEndpoint(MagentoApi api, FaultInjection faults, CallStats stats) {
        this.api = api;
        this.responder = new FaultyResponder(faults, stats, MALFORMED);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                FaultyResponder.send(exchange, 405, "text/plain; charset=UTF-8", "XML-RPC takes POST\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] request = exchange.getRequestBody().readAllBytes();
            responder.respond(exchange, () -> new FaultyResponder.Reply(200, XML, api.answer(request)));
        } finally {
            exchange.close();
        }
    }
}
