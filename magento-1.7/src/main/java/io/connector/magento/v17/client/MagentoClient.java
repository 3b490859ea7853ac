package io.connector.magento.v17.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.MagentoSettings;
import io.connector.magento.http.BoundedExchange;
import io.connector.magento.http.NetworkFault;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.http.PrintableText;
import io.connector.magento.v17.xmlrpc.XmlRpcCodec;
import io.connector.magento.v17.xmlrpc.XmlRpcException;
import io.connector.magento.v17.xmlrpc.XmlRpcFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one Magento 1.x shop over XML-RPC: logs in once and reuses the session across
 * calls and jobs, logs in again once when Magento says the session expired (fault 5), and turns
 * what can go wrong into errors that say what to do: unreachable, timeouts (of the whole
 * exchange), HTTP 500/502/503/504, an answer cut short or not XML-RPC are
 * {@link RetryableJobException}s; an answer larger than the limit is an error naming it; a refused login (fault 2) is a configuration error naming
 * the backend; a missing record (faults 100/101/102) is a {@link RecordNotFoundException}; a
 * body that is not XML-RPC is an error quoting its start. Never logs a request body: the login
 * carries the API key.
 *
 * <p>A passing network fault (HTTP 502/503/504, a connection reset or refused, an answer cut
 * short) of a call that only reads, or of the login, is tried again here, a few times after a
 * short pause ({@link NetworkRetries}): a job's retry is ten seconds or more later, and a chunk
 * job makes several calls, so on a flaky network most chunks would otherwise spend their tries on
 * faults that a second request a moment later does not meet. A call that writes is never sent
 * twice by the client: Magento may have run it before the answer was lost; the job decides.
 */
public final class MagentoClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MagentoClient.class);
    static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);
    static final Set<Integer> NOT_FOUND_FAULTS = Set.of(100, 101, 102);
    static final int ACCESS_DENIED = 2;
    static final int SESSION_EXPIRED = 5;

    /** Option of a backend record: calls per {@code multiCall} at most; 0 makes every call on its own. */
    public static final String MULTICALL_MAX = "multicall.max";
    /**
     * A shop runs a multiCall's calls one after the other in one PHP request, bounded by its
     * max_execution_time: 100 keeps a request to seconds while saving 99 round trips in 100.
     */
    public static final int DEFAULT_MULTICALL_MAX = 100;
    /** More would risk the shop's time and memory limits for one request. */
    public static final int MULTICALL_MAX_LIMIT = 1000;

    /** One call of a multiCall. */
    public record Call(String method, List<?> args) {
    }

    /**
     * The API methods (the part after the resource's dot) that only read: a call of one of them is
     * sent again after a passing network fault. Any other is taken to write.
     */
    static final Set<String> READS = Set.of("info", "list", "search", "tree", "level", "items", "getCarriers", "get_parent");

    private final String backendName;
    private final URI endpoint;
    private final String username;
    private final String apiKey;
    private final Duration timeout;
    private final BoundedExchange exchange;
    private final int multiCallMax;
    private final NetworkRetries networkRetries;
    private volatile String session;
    /** Set once the shop refused a multiCall: its calls are then made one by one. */
    private volatile boolean multiCallRefused;

    public MagentoClient(BackendRecord backend, HttpClient http, Duration timeout) {
        this(backend, http, timeout, DEFAULT_MULTICALL_MAX);
    }

    /** {@code multiCallMax}: calls per {@code multiCall} at most; 0 for none (every call on its own). */
    public MagentoClient(BackendRecord backend, HttpClient http, Duration timeout, int multiCallMax) {
        this(backend.name(), backend.location(), backend.username(), backend.password(), http, timeout, multiCallMax,
                MagentoSettings.maxAnswerBytes(backend), MagentoSettings.networkRetries(backend));
    }

    public MagentoClient(String backendName, String location, String username, String apiKey, HttpClient http, Duration timeout) {
        this(backendName, location, username, apiKey, http, timeout, DEFAULT_MULTICALL_MAX);
    }

    public MagentoClient(String backendName, String location, String username, String apiKey, HttpClient http, Duration timeout,
            int multiCallMax) {
        this(backendName, location, username, apiKey, http, timeout, multiCallMax, MagentoSettings.DEFAULT_MAX_ANSWER_BYTES,
                MagentoSettings.DEFAULT_NETWORK_RETRIES);
    }

    /**
     * {@code timeout} bounds each exchange whole (connection, headers and body); an answer longer
     * than {@code maxAnswerBytes} is refused as it arrives; a read that meets a passing network
     * fault is tried again as {@code networkRetries} say.
     */
    public MagentoClient(String backendName, String location, String username, String apiKey, HttpClient http, Duration timeout,
            int multiCallMax, long maxAnswerBytes, NetworkRetries networkRetries) {
        this.networkRetries = networkRetries;
        if (multiCallMax < 0) {
            throw new IllegalArgumentException("multiCallMax " + multiCallMax + " < 0");
        }
        this.backendName = backendName;
        this.endpoint = endpoint(backendName, location);
        this.username = username;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.exchange = new BoundedExchange(http, backendName, endpoint, timeout, maxAnswerBytes);
        this.multiCallMax = multiCallMax;
    }

    /**
     * The backend record's {@value #MULTICALL_MAX} (0 to {@value #MULTICALL_MAX_LIMIT}), else
     * {@value #DEFAULT_MULTICALL_MAX}; anything else is an error naming the backend and the option.
     * Read here rather than in {@code MagentoSettings}: only Magento 1.x's XML-RPC has a multiCall.
     */
    public static int multiCallMax(BackendRecord backend) {
        return backend.option(MULTICALL_MAX).map(value -> {
            try {
                int max = Integer.parseInt(value.trim());
                if (max >= 0 && max <= MULTICALL_MAX_LIMIT) {
                    return max;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + MULTICALL_MAX + " '" + value
                    + "' is not a number of calls from 0 (no multiCall) to " + MULTICALL_MAX_LIMIT);
        }).orElse(DEFAULT_MULTICALL_MAX);
    }

    /** {@code location}, or {@code location/index.php/api/xmlrpc} when it does not name the API itself. */
    static URI endpoint(String backendName, String location) {
        if (location == null || location.isBlank()) {
            throw new ConnectorException("Backend " + backendName + " has no location");
        }
        String base = location.trim();
        String url = base.contains("/api/xmlrpc") ? base : base.replaceAll("/+$", "") + "/index.php/api/xmlrpc";
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("Backend " + backendName + " has an invalid location '" + location + "': " + e.getMessage());
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** {@code resource.method} with its arguments. */
    public Object call(String method, List<?> args) {
        return networkRetries.run(backendName, method, reads(method),
                () -> withSession(method, session -> post("call", List.of(session, method, trimTrailingNulls(args)), method)));
    }

    /** Whether {@code method} ({@code resource.method}) only reads: {@link #READS}. */
    static boolean reads(String method) {
        return READS.contains(method.substring(method.lastIndexOf('.') + 1));
    }

    /** Runs {@code request} with the session; once more with a new one when Magento says it expired. */
    private Object withSession(String what, java.util.function.Function<String, Object> request) {
        String current = session();
        try {
            return request.apply(current);
        } catch (SessionExpired e) {
            try {
                return request.apply(relogin(current));
            } catch (SessionExpired again) {
                throw fault(what, SESSION_EXPIRED, "Session expired. Try to relogin.");
            }
        }
    }

    /**
     * Several calls in as few round trips as the shop allows: {@code multiCall}s of at most the
     * configured number of calls, or the calls one by one when that is 0 or the shop refused
     * {@code multiCall} (a fault for the whole request, not for an item: some shops switch it
     * off). A failed item comes back as its exception in the list, not thrown; a failure of the
     * whole request (unreachable, session refused) is thrown.
     */
    public List<Object> multiCall(List<Call> calls) {
        List<Object> results = new ArrayList<>(calls.size());
        int step = multiCallMax == 0 ? 1 : multiCallMax;
        for (int i = 0; i < calls.size(); i += step) {
            List<Call> part = calls.subList(i, Math.min(calls.size(), i + step));
            results.addAll(multiCallRefused || multiCallMax == 0 || part.size() == 1 ? oneByOne(part) : multiCallOnce(part));
        }
        return results;
    }

    private List<Object> oneByOne(List<Call> calls) {
        List<Object> results = new ArrayList<>(calls.size());
        for (Call c : calls) {
            try {
                results.add(call(c.method(), c.args()));
            } catch (MagentoException | RecordNotFoundException e) {
                results.add(e);
            }
        }
        return results;
    }

    private List<Object> multiCallOnce(List<Call> calls) {
        List<List<Object>> encoded = new ArrayList<>();
        for (Call c : calls) {
            encoded.add(List.of(c.method(), trimTrailingNulls(c.args())));
        }
        Object result;
        try {
            result = networkRetries.run(backendName, "multiCall", calls.stream().allMatch(c -> reads(c.method())),
                    () -> withSession("multiCall", session -> post("multiCall", List.of(session, encoded), "multiCall")));
        } catch (MagentoException e) {
            if (e.faultCode() == ACCESS_DENIED || e.faultCode() == SESSION_EXPIRED) {
                throw e;
            }
            LOG.info("Backend {}: Magento refused multiCall ({}); its calls are made one by one from now on", backendName,
                    e.getMessage());
            multiCallRefused = true;
            return oneByOne(calls);
        }
        if (!(result instanceof List<?> items) || items.size() != calls.size()) {
            throw new ConnectorException("Backend " + backendName + ": multiCall of " + calls.size()
                    + " calls did not answer a list of as many results");
        }
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map<?, ?> struct && Boolean.TRUE.equals(struct.get("isFault"))) {
                results.add(fault(calls.get(i).method(), faultCode(struct.get("faultCode")), String.valueOf(struct.get("faultMessage"))));
            } else {
                results.add(item);
            }
        }
        return results;
    }

    /** An item's fault code: a string in Magento's answers, as PHP reads it from api.xml; 0 when it is not a number. */
    private static int faultCode(Object code) {
        if (code instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(code).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ends the session, if there is one; never fails. */
    @Override
    public void close() {
        String current = session;
        session = null;
        if (current != null) {
            try {
                post("endSession", List.of(current), "endSession");
            } catch (RuntimeException e) {
                LOG.debug("Ending the Magento session of {} failed: {}", backendName, e.getMessage());
            }
        }
    }

    private String session() {
        String current = session;
        return current != null ? current : relogin(null);
    }

    /** Logs in, unless another thread already replaced {@code expired}. */
    private synchronized String relogin(String expired) {
        if (session != null && !session.equals(expired)) {
            return session;
        }
        // Safe to send again: at worst Magento opens a session that nobody uses.
        Object result = networkRetries.run(backendName, "login", true,
                () -> post("login", List.of(username == null ? "" : username, apiKey == null ? "" : apiKey), "login"));
        if (!(result instanceof String id) || id.isBlank()) {
            throw new ConnectorException("Backend " + backendName + ": login did not answer a session id");
        }
        session = id;
        return id;
    }

    private Object post(String xmlRpcMethod, List<?> params, String what) {
        byte[] body = XmlRpcCodec.encodeCall(xmlRpcMethod, params);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = exchange.send(request, what);
        int status = response.statusCode();
        if (RETRYABLE_STATUS.contains(status)) {
            throw new NetworkFault("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what, null);
        }
        if (status == 500) {
            // PHP's fatal errors (memory, time limit) answer 500 with a page: the shop's, and often passing.
            throw new RetryableJobException("Backend " + backendName + ": Magento answered HTTP 500 to " + what
                    + "; the response starts with: " + PrintableText.quoteStart(response.body()));
        }
        if (status != 200) {
            throw new ConnectorException("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what
                    + " at " + endpoint + "; the response starts with: " + PrintableText.quoteStart(response.body()));
        }
        try {
            return XmlRpcCodec.decodeResponse(response.body());
        } catch (XmlRpcFault f) {
            if (f.code() == SESSION_EXPIRED && !xmlRpcMethod.equals("login")) {
                throw new SessionExpired();
            }
            throw fault(what, f.code(), f.faultString());
        } catch (XmlRpcException e) {
            // Cut short (a connection closed early): the network's, passing. Not XML-RPC at all (a
            // PHP error page): the shop's trouble, often passing too, but as often the same again
            // for the same record; retried on the job's pattern, then failed with the quote.
            if (XmlRpcCodec.truncated(response.body())) {
                throw new NetworkFault("Backend " + backendName + ": Magento's answer to " + what + " was cut short after "
                        + response.body().length + " bytes: " + e.getMessage(), e);
            }
            throw new RetryableJobException("Backend " + backendName + ": Magento's answer to " + what + " is not XML-RPC: "
                    + e.getMessage(), e);
        }
    }

    private io.connector.api.ConnectorException fault(String what, int code, String message) {
        if (code == ACCESS_DENIED) {
            return new MagentoException("Backend " + backendName + ": Magento refused the API user '" + username
                    + "' (fault 2 " + message + "); check the backend's username and API key", code);
        }
        if (NOT_FOUND_FAULTS.contains(code) && !what.endsWith(".create")) {
            return new RecordNotFoundException("Backend " + backendName + ": " + what + " answered fault " + code
                    + " (" + message + "): the record no longer exists in Magento", code);
        }
        return new MagentoException("Backend " + backendName + ": " + what + " answered fault " + code + " (" + message + ")", code);
    }

    /** PHP reads a missing trailing argument as null, and some methods refuse an explicit nil. */
    static List<?> trimTrailingNulls(List<?> args) {
        int end = args.size();
        while (end > 0 && args.get(end - 1) == null) {
            end--;
        }
        return args.subList(0, end);
    }

    /** Fault 5: the caller logs in again once. */
    private static final class SessionExpired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SessionExpired() {
            super(null, null, false, false);
        }
    }
}
