package io.connector.magento.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /media/catalog/product/{file}}: the images Magento 2's products name in their
 * media_gallery_entries, where a client downloads them from its store view's base_media_url
 * (the recorded URLs have a double slash, {@code product//w/g/x.jpg}, since a file name starts
 * with one). A file no product names is a 404, as the web server answers. No token: media are
 * public. Through the injected faults like any request, counted and logged as the route
 * {@code GET media/catalog/product/{file}} with {@code {"file": "/w/g/x.jpg"}}.
 */
final class MediaEndpoint implements HttpHandler {

    static final String PATH = "/media";
    private static final String PRODUCTS = "/media/catalog/product/";
    private static final String ROUTE = "GET media/catalog/product/{file}";
    private static final byte[] NOT_FOUND = "<html>\n<head><title>404 Not Found</title></head>\n<body><center><h1>404 Not Found</h1></center></body>\n</html>\n"
            .getBytes(StandardCharsets.US_ASCII);
    /** What PHP prints when it dies half-way; a web server serves images without PHP, but a resizing module may not. */
    private static final byte[] MALFORMED = "<br />\n<b>Fatal error</b>:  Maximum execution time of 30 seconds exceeded in <b>/var/www/html/pub/get.php</b><br />\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final DataStore store;
    private final FaultyResponder responder;
    private final CallStats stats;
    private final Consumer<RecordedCall> recorder;

    MediaEndpoint(DataStore store, FaultInjection faults, CallStats stats, Consumer<RecordedCall> recorder) {
        this.store = store;
        this.responder = new FaultyResponder(faults, stats, MALFORMED);
        this.stats = stats;
        this.recorder = recorder;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            responder.respond(exchange, () -> answer(exchange));
        } finally {
            exchange.close();
        }
    }

    private FaultyResponder.Reply answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        stats.method(method);
        stats.path(ROUTE);
        String path = exchange.getRequestURI().getRawPath();
        String file = path.startsWith(PRODUCTS) ? fileName(path.substring(PRODUCTS.length())) : null;
        boolean found = method.equals("GET") && file != null && known(file);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("file", file != null ? file : path);
        recorder.accept(new RecordedCall(ROUTE, List.of(args), null, Instant.now(), found ? null : 404));
        if (!found) {
            return new FaultyResponder.Reply(404, "text/html", NOT_FOUND);
        }
        return new FaultyResponder.Reply(200, ProductImages.contentType(file), ProductImages.bytes(file));
    }

    /** "/w/g/x.jpg" from "/w/g/x.jpg" or "w/g/x.jpg": the form an image's file field has. */
    private static String fileName(String rest) {
        String decoded = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        String trimmed = decoded.replaceFirst("^/+", "");
        return trimmed.isEmpty() || trimmed.contains("..") ? null : "/" + trimmed;
    }

    private boolean known(String file) {
        return !store.productMedia().ids(image -> file.equals(Values.text(image.get("file")))).isEmpty();
    }
}
