package io.connector.magento.v17;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connector.magento.v17.xmlrpc.Cassettes;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/**
 * A Magento shop that answers what the real one answered: every API call recorded in the shared
 * 1.9 cassettes, matched on method and arguments, plus what a test adds. Login, {@code call},
 * {@code multiCall} and {@code endSession} over XML-RPC, as Magento speaks them; a call nobody
 * recorded is a fault naming it, so a test that strays from the recordings says where.
 */
public final class RecordedMagento implements AutoCloseable {

    /** The API user and key of the recordings' login. */
    public static final String USER = "odoo";
    public static final String API_KEY = "odoo42";

    private static final String SESSION = "0123456789abcdef0123456789abcdef";
    private static final int NO_SUCH_METHOD = 3;
    private static final int ACCESS_DENIED = 2;

    /** One API call: the method ({@code customer.info}) and its arguments. */
    public record ApiCall(String method, List<?> args) {
    }

    /** Read once: every test's shop starts from them. */
    private static final Map<ApiCall, byte[]> RECORDED = recordings();

    private final Map<ApiCall, byte[]> answers = new ConcurrentHashMap<>(RECORDED);
    private final List<ApiCall> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;

    private RecordedMagento(HttpServer server) {
        this.server = server;
    }

    /** Listening on a free local port, with every recorded answer. */
    public static RecordedMagento start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordedMagento magento = new RecordedMagento(server);
            server.createContext("/index.php/api/xmlrpc", magento::answer);
            server.createContext(MEDIA, magento::media);
            server.start();
            return magento;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the shop's product images are, as {@code product_media.list} names them. */
    public static final String MEDIA = "/media/catalog/product";
    /** The host the recordings were made on: their image URLs are answered with this shop's location instead. */
    private static final String RECORDED_BASE = "http://magento/";

    /** An answer to a GET of an image. */
    public record MediaAnswer(int status, String contentType, byte[] body) {
    }

    /** By file ({@code /a/c/ace000a_1.jpg}): what a GET of it answers; any other file, 404. */
    private final Map<String, MediaAnswer> media = new ConcurrentHashMap<>(recordedMedia());
    private final List<String> mediaRequests = Collections.synchronizedList(new ArrayList<>());

    /** A small JPEG of its own for {@code file}: the same bytes for the same file. */
    public static byte[] jpeg(String file) {
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = new byte[name.length + 6];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xFE;
        System.arraycopy(name, 0, jpeg, 4, name.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        return jpeg;
    }

    /** A GET of image {@code file} answers this from now on. */
    public void media(String file, MediaAnswer answer) {
        media.put(file, answer);
    }

    /** The images asked for so far, by file. */
    public List<String> mediaRequests() {
        synchronized (mediaRequests) {
            return List.copyOf(mediaRequests);
        }
    }

    /** Every file a recorded {@code product_media.list} names, as a small JPEG. */
    private static Map<String, MediaAnswer> recordedMedia() {
        Map<String, MediaAnswer> files = new HashMap<>();
        for (Map.Entry<ApiCall, byte[]> recorded : RECORDED.entrySet()) {
            if (recorded.getKey().method().equals("product_media.list")) {
                try {
                    for (Object image : (List<?>) XmlRpcCodec.decodeResponse(recorded.getValue())) {
                        String file = String.valueOf(((Map<?, ?>) image).get("file"));
                        files.put(file, new MediaAnswer(200, "image/jpeg", jpeg(file)));
                    }
                } catch (XmlRpcFault fault) {
                    // a fault names no file
                }
            }
        }
        return files;
    }

    private void media(HttpExchange exchange) throws IOException {
        String file = exchange.getRequestURI().getRawPath().substring(MEDIA.length()).replaceAll("^/+", "/");
        mediaRequests.add(file);
        MediaAnswer answer = media.getOrDefault(file, new MediaAnswer(404, "text/html",
                "<html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8)));
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    /** Where a backend record's location points to reach it. */
    public String location() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What Magento answered to this call, as a fresh copy a test may change; an error if nobody recorded it. */
    public Object recorded(String method, List<?> args) {
        byte[] answer = answers.get(new ApiCall(method, args));
        if (answer == null) {
            throw new IllegalArgumentException("No recorded answer to " + method + " " + args);
        }
        try {
            return XmlRpcCodec.decodeResponse(answer);
        } catch (XmlRpcFault fault) {
            throw new IllegalArgumentException(method + " " + args + " was answered with a fault", fault);
        }
    }

    /** Adds a record the recordings lack (or replaces one): Magento answers {@code value} to this call. */
    public void answer(String method, List<?> args, Object value) {
        answers.put(new ApiCall(method, args), XmlRpcCodec.encodeResponse(value));
    }

    /** Magento answers this call with a fault. */
    public void fault(String method, List<?> args, int code, String message) {
        answers.put(new ApiCall(method, args), XmlRpcCodec.encodeFault(code, message));
    }

    /**
     * One HTTP request: its XML-RPC method, how many API calls it carried (a {@code multiCall}'s
     * items), and for a {@code call} its {@code resource.method}.
     */
    public record Request(String method, int calls, String path) {
    }

    private final List<Request> requests = new ArrayList<>();
    private volatile boolean refuseMultiCall;

    /** The HTTP requests received so far: the round trips. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** From now on answers {@code multiCall} as a shop without it does: a fault for the whole request. */
    public void refuseMultiCall() {
        refuseMultiCall = true;
    }

    /** Forgets the calls received so far. */
    public void clearReceived() {
        received.clear();
    }

    /** The API calls received so far, {@code multiCall} items one by one. */
    public List<ApiCall> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static Map<ApiCall, byte[]> recordings() {
        Map<ApiCall, byte[]> recorded = new HashMap<>();
        for (Cassettes.Interaction interaction : Cassettes.all()) {
            XmlRpcCodec.Call call = XmlRpcCodec.decodeCall(interaction.requestBody().getBytes(StandardCharsets.UTF_8));
            if (call.method().equals("call") && interaction.status() == 200) {
                // A call recorded in two cassettes got the same answer in both: the first one is kept.
                recorded.putIfAbsent(apiCall(call.params().get(1), call.params().size() > 2 ? call.params().get(2) : List.of()),
                        interaction.responseBody().getBytes(StandardCharsets.UTF_8));
            }
        }
        return Map.copyOf(recorded);
    }

    private static ApiCall apiCall(Object method, Object args) {
        return new ApiCall(String.valueOf(method), args instanceof List<?> list ? list : Collections.singletonList(args));
    }

    private void answer(HttpExchange exchange) throws IOException {
        XmlRpcCodec.Call call = XmlRpcCodec.decodeCall(exchange.getRequestBody().readAllBytes());
        List<Object> params = call.params();
        synchronized (requests) {
            requests.add(new Request(call.method(), call.method().equals("multiCall") ? ((List<?>) params.get(1)).size() : 1,
                    call.method().equals("call") ? String.valueOf(params.get(1)) : null));
        }
        byte[] body = refuseMultiCall && call.method().equals("multiCall")
                ? XmlRpcCodec.encodeFault(620, "Method \"multiCall\" does not exist") : switch (call.method()) {
            case "login" -> USER.equals(params.get(0)) && API_KEY.equals(params.get(1)) ? XmlRpcCodec.encodeResponse(SESSION)
                    : XmlRpcCodec.encodeFault(ACCESS_DENIED, "Access denied.");
            case "endSession" -> XmlRpcCodec.encodeResponse(true);
            case "call" -> answerTo(apiCall(params.get(1), params.size() > 2 ? params.get(2) : List.of()));
            case "multiCall" -> XmlRpcCodec.encodeResponse(multiCall((List<?>) params.get(1)));
            default -> XmlRpcCodec.encodeFault(NO_SUCH_METHOD, "Unknown XML-RPC method " + call.method());
        };
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] answerTo(ApiCall call) {
        received.add(call);
        byte[] answer = answers.get(call);
        if (answer != null && call.method().equals("product_media.list")) {
            // The recorded image URLs name the recording's host: this shop has the images.
            answer = new String(answer, StandardCharsets.UTF_8).replace(RECORDED_BASE, location() + "/").getBytes(StandardCharsets.UTF_8);
        }
        return answer != null ? answer : XmlRpcCodec.encodeFault(NO_SUCH_METHOD, "Nothing recorded for " + call.method()
                + " " + call.args());
    }

    /** Each item as its own call would answer; a fault in place, as Magento puts it. */
    private List<Object> multiCall(List<?> calls) {
        List<Object> results = new ArrayList<>();
        for (Object item : calls) {
            List<?> pair = (List<?>) item;
            try {
                results.add(XmlRpcCodec.decodeResponse(answerTo(apiCall(pair.get(0), pair.size() > 1 ? pair.get(1) : List.of()))));
            } catch (XmlRpcFault fault) {
                // The code as a string, as Magento reads it from api.xml.
                results.add(Map.of("isFault", true, "faultCode", Integer.toString(fault.code()), "faultMessage", fault.faultString()));
            }
        }
        return results;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
