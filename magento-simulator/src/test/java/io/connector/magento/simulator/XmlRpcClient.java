package io.connector.magento.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/** A plain java.net.http client for the tests: what any Magento client sends, nothing more. */
final class XmlRpcClient {

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    XmlRpcClient(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    HttpResponse<byte[]> post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An XML-RPC call's decoded result; a fault is thrown. */
    Object invoke(String method, Object... params) throws XmlRpcFault, IOException, InterruptedException {
        HttpResponse<byte[]> response = post(XmlRpcCodec.encodeCall(method, Arrays.asList(params)));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return XmlRpcCodec.decodeResponse(response.body());
    }

    String login(String user, String key) throws Exception {
        return (String) invoke("login", user, key);
    }

    String login() throws Exception {
        return login("odoo", "odoo42");
    }

    /** {@code call(session, path, [args])}. */
    Object call(String session, String path, Object... args) throws Exception {
        return invoke("call", session, path, new ArrayList<>(Arrays.asList(args)));
    }

    /** The fault a call answers; fails when it does not fault. */
    XmlRpcFault fault(String session, String path, Object... args) throws Exception {
        try {
            Object result = call(session, path, args);
            throw new AssertionError(path + " answered " + result + " instead of a fault");
        } catch (XmlRpcFault fault) {
            return fault;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> struct(Object value) {
        return (Map<String, Object>) value;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
