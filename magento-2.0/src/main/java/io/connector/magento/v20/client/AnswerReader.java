package io.connector.magento.v20.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.connector.api.job.RetryableJobException;
import io.connector.api.unit.RemoteRecordNotFoundException;
import io.connector.magento.http.NetworkFault;
import io.connector.magento.http.PrintableText;

/**
 * What an answer of Magento 2 means: its value (JSON decoded), or the error its status says, in
 * the platform's terms: a record gone ({@link RemoteRecordNotFoundException}), a refusal that
 * waiting does not change ({@link Magento2Exception}), a passing fault ({@link NetworkFault}, a
 * read is sent again) or a job to retry later ({@link RetryableJobException}).
 *
 * <p>Every message naming what the shop sent goes through {@link #redact}: a proxy that echoes a
 * request back (some debugging ones do) would otherwise put the token into a job's error.
 */
final class AnswerReader {

    /** A proxy's or Magento's own "not now": passing. */
    private static final Set<Integer> PASSING = Set.of(429, 502, 503, 504);
    /** Magento's answer to a path none of its routes takes: a wrong location, not a record gone. */
    private static final String NO_ROUTE = "Request does not match any route";
    private static final String REDACTED = "[token]";
    /** A validation's errors may list every field: an error line stays readable. */
    private static final int LONGEST_MESSAGE = 500;

    private final String backendName;
    private final URI base;
    private final String token;

    AnswerReader(String backendName, URI base, String token) {
        this.backendName = backendName;
        this.base = base;
        this.token = Objects.requireNonNull(token);
    }

    /** The answer's value, or its error thrown; {@code what} is the call ({@code GET products/24-WG02}). */
    Object read(String method, String what, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] body = response.body();
        if (status == 204) {
            return null;
        }
        if (status >= 200 && status < 300) {
            return value(what, body);
        }
        if (PASSING.contains(status)) {
            Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now());
            if (wait.isPresent()) {
                // Not sent again here: the shop said when, and the job's retry waits that long.
                throw new RetryableJobException(redact("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what
                        + ", asking to wait " + wait.get().toSeconds() + " s (Retry-After)"), wait.get(), false);
            }
            throw new NetworkFault("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what, null);
        }
        if (status == 500) {
            // PHP's fatal errors and Magento's "Internal Error. Details are available in Magento log
            // file": often passing, retried on the job's pattern, then failed with the quote.
            throw new RetryableJobException(redact("Backend " + backendName + ": Magento answered HTTP 500 to " + what
                    + "; the response starts with: " + PrintableText.quoteStart(body)));
        }
        Optional<String> magento = magentoMessage(body).map(this::redact);
        String said = magento.map(m -> ": " + m).orElse(", the response starts with: " + PrintableText.quoteStart(body));
        if (status == 400) {
            throw refusal("Backend " + backendName + ": Magento refused " + what + " (HTTP 400" + said + ")", status, magento);
        }
        if (status == 401 || status == 403) {
            throw refusal("Backend " + backendName + ": Magento refused the backend's token for " + what + " (HTTP " + status + said
                    + "); check the integration's access token (the backend's password) and the API resources it is allowed",
                    status, magento);
        }
        if (status == 404) {
            if (magento.isEmpty() || magento.get().startsWith(NO_ROUTE)) {
                throw refusal("Backend " + backendName + ": no Magento 2 REST route answers " + what + " at " + base + " (HTTP 404"
                        + said + "); check the backend's location", status, magento);
            }
            if (method.equals("GET")) {
                throw new RemoteRecordNotFoundException("Backend " + backendName + ": " + what + " answered HTTP 404 ("
                        + magento.get() + "): the record no longer exists in Magento");
            }
            throw refusal("Backend " + backendName + ": " + what + " answered HTTP 404 (" + magento.get() + ")", status, magento);
        }
        if (status >= 300 && status < 400) {
            String target = response.headers().firstValue("Location").map(PrintableText::of).orElse("nowhere said");
            throw refusal("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what + ", redirecting to '" + target
                    + "': redirects are not followed, since the token would go along; set the backend's location to where the shop answers",
                    status, Optional.empty());
        }
        throw refusal("Backend " + backendName + ": Magento answered HTTP " + status + " to " + what + " at " + base + said, status, magento);
    }

    private Magento2Exception refusal(String message, int status, Optional<String> magento) {
        return new Magento2Exception(redact(message), status, magento.orElse(null));
    }

    /**
     * A 2xx answer's value. An answer cut short (the connection closed early) is the network's,
     * passing: a read is sent again. One that is not JSON at all (a PHP error page) is the shop's
     * trouble, often the same again for the same record: retried on the job's pattern, then failed
     * with its quote. Jackson's exceptions are not kept as causes: their messages quote the answer.
     */
    private Object value(String what, byte[] body) {
        if (blank(body)) {
            throw new NetworkFault("Backend " + backendName + ": Magento's answer to " + what + " was cut short after " + body.length
                    + " bytes (it holds no JSON)", null);
        }
        try {
            return JsonCodec.read(body);
        } catch (IOException e) {
            if (causedBy(e, StreamConstraintsException.class)) {
                throw new RetryableJobException(redact("Backend " + backendName + ": Magento's answer to " + what
                        + " is nested deeper than " + JsonCodec.MAX_NESTING + " objects or arrays; it starts with: "
                        + PrintableText.quoteStart(body)));
            }
            if (causedBy(e, JsonEOFException.class)) {
                throw new NetworkFault(redact("Backend " + backendName + ": Magento's answer to " + what + " was cut short after "
                        + body.length + " bytes; it starts with: " + PrintableText.quoteStart(body)), null);
            }
            throw new RetryableJobException(redact("Backend " + backendName + ": Magento's answer to " + what + " is not JSON ("
                    + reason(e) + "); it starts with: " + PrintableText.quoteStart(body)));
        }
    }

    /** Nothing but JSON's white space (scanned, not copied: an answer may be 64 MB). */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's reason without where it was: the first line, printable, short. */
    private static String reason(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        String line = message == null ? e.getClass().getSimpleName() : PrintableText.of(message.lines().findFirst().orElse(""));
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }

    /**
     * Magento's message in an error answer, its parameters filled in, and the messages of its
     * {@code errors} (a validation's, one per field) after it; empty when the answer is not
     * Magento's JSON.
     */
    private static Optional<String> magentoMessage(byte[] body) {
        Object value;
        try {
            value = JsonCodec.read(body);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> error) || !(error.get("message") instanceof String message) || message.isBlank()) {
            return Optional.empty();
        }
        String filled = MagentoMessage.fill(message, error.get("parameters"));
        if (error.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            String each = errors.stream().filter(Map.class::isInstance).map(Map.class::cast)
                    .filter(e -> e.get("message") instanceof String)
                    .map(e -> MagentoMessage.fill((String) e.get("message"), e.get("parameters")))
                    .collect(Collectors.joining("; "));
            if (!each.isEmpty()) {
                filled += " (" + each + ")";
            }
        }
        String printable = PrintableText.of(filled);
        return Optional.of(printable.length() > LONGEST_MESSAGE ? printable.substring(0, LONGEST_MESSAGE) + "..." : printable);
    }

    /** {@code text} without the token. */
    String redact(String text) {
        return text.replace(token, REDACTED);
    }
}
