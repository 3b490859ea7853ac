package io.connector.magento.v20.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.magento.MagentoSettings;
import io.connector.magento.http.BoundedExchange;
import io.connector.magento.http.NetworkRetries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to one Magento 2.x shop over its REST API, {@code {location}/index.php/rest/V1/...}, with
 * the backend's integration token ({@code Authorization: Bearer}) on every call: GET with query
 * parameters, POST and PUT with a JSON body; answers decoded into maps, lists and scalars.
 *
 * <p>What can go wrong is said in the platform's terms: a GET answered 404 is a record gone; 400,
 * 401, 403 are refusals naming the backend, never the token; 429, 502, 503, 504, timeouts, resets,
 * 500 and answers cut short or not JSON are retryable. Each exchange is
 * bounded whole in time and in size ({@link BoundedExchange}); a GET that meets a passing network
 * fault is sent again ({@link NetworkRetries}), a POST or PUT never: Magento may have run it before
 * its answer was lost. The token is in no log line, message or {@code toString}; neither are the
 * bodies, which hold customers' data.
 */
public final class Magento2Client {

    private static final Logger LOG = LoggerFactory.getLogger(Magento2Client.class);
    /** Where Magento 2 answers REST without URL rewrites: what the reference appends to the location. */
    private static final String API_ROOT = "/index.php/rest/V1";
    /** The API root's store scope: {@code /rest/V1} for the default, {@code /rest/{code}/V1} for a store view's. */
    private static final Pattern SCOPE = Pattern.compile("/rest(/[^/]+)?/V1$");
    private static final String JSON = "application/json";

    private final String backendName;
    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final BoundedExchange exchange;
    private final NetworkRetries networkRetries;
    private final AnswerReader answers;
    private final ExecutorService reads;
    private final int readConcurrency;

    /** Option: how many GETs of one batch ({@link #getAll}) are in flight at once (1 to 16). */
    public static final String READ_CONCURRENCY = "read.concurrency";
    /**
     * A chunk's records are read a request each (Magento 2 has no batch call): four at a time keep
     * a shop's PHP workers busy without taking them all, where one at a time waits out each
     * request's latency in turn.
     */
    public static final int DEFAULT_READ_CONCURRENCY = 4;
    private static final int READ_CONCURRENCY_LIMIT = 16;

    /**
     * For a backend record: its location, its password as the token, its timeout, answer limit and
     * network retries. {@code http} must not follow redirects.
     */
    public Magento2Client(BackendRecord backend, HttpClient http) {
        this(backend, http, null);
    }

    /** As above; {@link #getAll} runs its GETs on {@code reads} too, {@value #READ_CONCURRENCY} at a time. */
    public Magento2Client(BackendRecord backend, HttpClient http, ExecutorService reads) {
        this(backend.name(), backend.location(), backend.password(), http, MagentoSettings.of(backend).timeout(),
                MagentoSettings.maxAnswerBytes(backend), MagentoSettings.networkRetries(backend), reads, readConcurrency(backend));
    }

    /** The backend record's {@value #READ_CONCURRENCY}, else {@value #DEFAULT_READ_CONCURRENCY}. */
    public static int readConcurrency(BackendRecord backend) {
        return backend.option(READ_CONCURRENCY).map(value -> {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= READ_CONCURRENCY_LIMIT) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + READ_CONCURRENCY + " '" + value
                    + "' is not a number of requests from 1 to " + READ_CONCURRENCY_LIMIT);
        }).orElse(DEFAULT_READ_CONCURRENCY);
    }

    /**
     * {@code timeout} bounds each exchange whole (connection, headers and body); an answer longer
     * than {@code maxAnswerBytes} is refused as it arrives; a GET that meets a passing network
     * fault is sent again as {@code networkRetries} say.
     */
    public Magento2Client(String backendName, String location, String token, HttpClient http, Duration timeout, long maxAnswerBytes,
            NetworkRetries networkRetries) {
        this(backendName, location, token, http, timeout, maxAnswerBytes, networkRetries, null, 1);
    }

    /** As above; {@link #getAll} runs its GETs on {@code reads} too, {@code readConcurrency} at a time. */
    public Magento2Client(String backendName, String location, String token, HttpClient http, Duration timeout, long maxAnswerBytes,
            NetworkRetries networkRetries, ExecutorService reads, int readConcurrency) {
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            // The Authorization header would go along to wherever a redirect points.
            throw new IllegalArgumentException("A Magento 2 client's HttpClient must not follow redirects");
        }
        this.backendName = backendName;
        this.base = base(backendName, location);
        this.authorization = "Bearer " + checked(backendName, token);
        this.timeout = timeout;
        this.exchange = new BoundedExchange(http, backendName, base, timeout, maxAnswerBytes);
        this.networkRetries = networkRetries;
        this.answers = new AnswerReader(backendName, base, token);
        this.reads = reads;
        this.readConcurrency = readConcurrency;
    }

    /**
     * {@code location/index.php/rest/V1}, or {@code location} as given when it names a REST root
     * itself (holds {@code /rest/}: a shop with URL rewrites, {@code https://shop/rest/V1}).
     */
    static URI base(String backendName, String location) {
        if (location == null || location.isBlank()) {
            throw new ConnectorException("Backend " + backendName + " has no location");
        }
        String trimmed = location.trim().replaceAll("/+$", "");
        String url = trimmed.contains("/rest/") ? trimmed : trimmed + API_ROOT;
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            if (uri.getRawUserInfo() != null) {
                // Basic credentials in front of the shop are not sent, and errors name the location.
                throw new IllegalArgumentException("user:password@ is not supported in it");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a query or a fragment has no place in it");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("Backend " + backendName + " has an invalid location '" + withoutUserInfo(location) + "': "
                    + withoutUserInfo(String.valueOf(e.getMessage())));
        }
    }

    /** {@code text} with any {@code user:password@} of a URL in it left out: errors name locations. */
    private static String withoutUserInfo(String text) {
        return text.replaceAll("//[^/@]*@", "//...@");
    }

    /**
     * The token, when it can be one: Magento's are 32 characters (an admin's JWT more) of visible
     * ASCII. A shorter one could not be told apart from text it must be kept out of, and a line
     * break in it would be a header of its own. Never quoted.
     */
    private static String checked(String backendName, String token) {
        if (token == null || token.isBlank()) {
            throw new ConnectorException("Backend " + backendName + " has no token: give the Magento integration's access token "
                    + "as the backend's password");
        }
        if (token.length() < 16 || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConnectorException("Backend " + backendName + ": its password is not a Magento access token (at least 16 "
                    + "visible ASCII characters, no space); give the integration's access token");
        }
        return token;
    }

    /** The API root every path is under, e.g. {@code https://shop.example.com/index.php/rest/V1}. */
    public URI base() {
        return base;
    }

    public Object get(RestPath path) {
        return get(path, Query.NONE);
    }

    public Object get(RestPath path, SearchCriteria criteria) {
        return get(path, criteria.query());
    }

    public Object get(RestPath path, Query query) {
        return call("GET", base, path, query, null, "GET " + path);
    }

    /**
     * The answers of GETs of {@code paths}, in their order: each the answer, or the exception its
     * GET ended with, so that one record's fault does not fail the others. Up to
     * {@value #READ_CONCURRENCY} of them are in flight at once, on the calling thread and the
     * client's read threads.
     */
    public List<Object> getAll(List<RestPath> paths) {
        Object[] answers = new Object[paths.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < answers.length; i = next.getAndIncrement()) {
                try {
                    answers[i] = get(paths.get(i));
                } catch (RuntimeException e) {
                    answers[i] = e;
                }
            }
        };
        int helpers = reads == null ? 0 : Math.min(readConcurrency, paths.size()) - 1;
        List<Future<?>> started = new ArrayList<>();
        try {
            for (int h = 0; h < helpers; h++) {
                started.add(reads.submit(work));
            }
        } catch (RejectedExecutionException e) {
            // The pool is closing (the bundle stops): the calling thread reads the rest alone.
        }
        work.run();
        for (Future<?> helper : started) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("Backend " + backendName + ": interrupted while reading " + paths.size() + " records");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        // Future.get makes each helper's answers visible here.
        return Arrays.asList(answers);
    }

    /**
     * A GET in a store view's scope ({@code /rest/{storeCode}/V1/...}): the texts of that store
     * view, its translations.
     */
    public Object getInStore(String storeCode, RestPath path, Query query) {
        return call("GET", scoped(storeCode), path, query, null, "GET " + path + " in store view " + storeCode);
    }

    public Object getInStore(String storeCode, RestPath path) {
        return getInStore(storeCode, path, Query.NONE);
    }

    /**
     * {@code body} (maps, lists, scalars) sent as JSON, {@code Map.of()} for an endpoint that
     * takes none ({@code orders/{id}/cancel}); never sent twice by the client.
     */
    public Object post(RestPath path, Object body) {
        return call("POST", base, path, Query.NONE, Objects.requireNonNull(body, "body"), "POST " + path);
    }

    /** {@code body} (maps, lists, scalars) sent as JSON; never sent twice by the client. */
    public Object put(RestPath path, Object body) {
        return call("PUT", base, path, Query.NONE, Objects.requireNonNull(body, "body"), "PUT " + path);
    }

    private URI scoped(String storeCode) {
        if (storeCode == null || storeCode.isBlank()) {
            throw new IllegalArgumentException("A store view's code is needed for its scope");
        }
        Matcher root = SCOPE.matcher(base.getRawPath());
        if (!root.find()) {
            throw new ConnectorException("Backend " + backendName + ": its location " + base + " does not end with /rest/V1, "
                    + "so no store view's scope can be put in it");
        }
        String path = base.getRawPath().substring(0, root.start()) + "/rest/" + FormEncoding.encode(storeCode) + "/V1";
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }

    private Object call(String method, URI root, RestPath path, Query query, Object body, String what) {
        URI uri = URI.create(root + "/" + path + (query.isEmpty() ? "" : "?" + query.encoded()));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .header("Accept", JSON);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(json(body, what)));
        }
        HttpRequest built = request.build();
        return networkRetries.run(backendName, what, method.equals("GET"), () -> {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = exchange.send(built, what);
            LOG.debug("Backend {}: {} answered HTTP {} ({} bytes) in {} ms", backendName, what, response.statusCode(),
                    response.body().length, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return answers.read(method, what, response);
        });
    }

    private byte[] json(Object body, String what) {
        try {
            return JsonCodec.write(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Backend " + backendName + ": the body of " + what + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Magento2Client[backend " + backendName + " at " + base + "]";
    }
}
