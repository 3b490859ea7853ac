package io.connector.benchmarks.importbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;

/**
 * The reference over Magento 1's XML-RPC: it opens an API session for every call ({@code with
 * API(...) as api: api.call(...)}: login, call, endSession). Customers: {@code ol_customer.search}
 * per website, then per customer {@code customer.info}, {@code customer_address.list} and
 * {@code customer_address.info} for each of its addresses. Products: {@code catalog_product.list},
 * then per product {@code ol_catalog_product.info} and, for a product it keeps,
 * {@code product_media.list} (the reference then downloads each image over HTTP; left out).
 */
final class XmlRpcReferenceCalls implements ReferenceCalls {

    static final List<String> KEPT_TYPES = List.of("simple", "virtual", "downloadable");

    private final URI endpoint;
    private final String user;
    private final String key;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    XmlRpcReferenceCalls(String url, String user, String key) {
        // The connector's rule for where the API is; the client itself is not used for calls.
        try (MagentoClient client = new MagentoClient("reference", url, user, key, http, Duration.ofSeconds(60))) {
            this.endpoint = client.endpoint();
        }
        this.user = user;
        this.key = key;
    }

    /** One API call as the reference makes it: a session of its own. */
    Object call(String method, List<?> args) {
        String session = (String) post("login", List.of(user, key));
        try {
            return post("call", List.of(session, method, args));
        } finally {
            post("endSession", List.of(session));
        }
    }

    /**
     * One request, plainly: a blocking send and the codec, none of the connector client's bounds
     * and retries. Its per-request cost would weigh on the reference's ten requests a customer,
     * not on the import's few; a plain client keeps the baseline as fast as the pattern allows.
     */
    private Object post(String xmlRpcMethod, List<?> params) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(XmlRpcCodec.encodeCall(xmlRpcMethod, params))).build();
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException closed) {
                // A kept-alive connection the server closed meanwhile: sent again once on a new
                // one, as Python's xmlrpc.client (the reference's) does.
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(xmlRpcMethod + " answered HTTP " + response.statusCode());
            }
            return XmlRpcCodec.decodeResponse(response.body());
        } catch (XmlRpcFault fault) {
            throw new IllegalStateException(xmlRpcMethod + " answered fault " + fault.code() + " (" + fault.faultString() + ")", fault);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public List<String> websites() {
        return ((List<?>) call("ol_websites.search", List.of(Map.of()))).stream().map(String::valueOf).toList();
    }

    @Override
    public List<String> customerIds(String website) {
        List<String> ids = new ArrayList<>();
        for (Object id : (List<?>) call("ol_customer.search", List.of(Map.of("website_id", Map.of("in", List.of(website)))))) {
            ids.add(String.valueOf(id));
        }
        return ids;
    }

    @Override
    public int customer(String id) {
        call("customer.info", List.of(Integer.valueOf(id)));
        int addresses = 0;
        for (Object address : (List<?>) call("customer_address.list", List.of(Map.of("customer_id", Map.of("eq", id))))) {
            call("customer_address.info", List.of(Integer.valueOf(String.valueOf(((Map<?, ?>) address).get("customer_address_id")))));
            addresses++;
        }
        return addresses;
    }

    @Override
    public List<String> productIds() {
        List<String> ids = new ArrayList<>();
        for (Object item : (List<?>) call("catalog_product.list", List.of(Map.of()))) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("product_id")));
        }
        return ids;
    }

    @Override
    public boolean product(String id) {
        Map<?, ?> product = (Map<?, ?>) call("ol_catalog_product.info", Arrays.asList(Integer.valueOf(id), null, null, "id"));
        if (!KEPT_TYPES.contains(String.valueOf(product.get("type_id")))) {
            return false;
        }
        call("product_media.list", Arrays.asList(Integer.valueOf(id), null, "id"));
        return true;
    }
}
