package io.connector.magento.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.MagentoSettings;

/**
 * One HTTP exchange with a shop, bounded whole by a timeout and in size, its failures said in
 * words naming the backend: not answered in time, interrupted, unreachable (a {@link
 * NetworkFault}), larger than the limit. The request's own timeout stops at the headers: a shop
 * sending its body one byte a second would hold the thread for ever; here the whole exchange is
 * cancelled when the deadline passes. The body is counted as it arrives, announced or not.
 */
public final class BoundedExchange {

    private final HttpClient http;
    private final String backendName;
    private final URI endpoint;
    private final Duration timeout;
    private final long maxAnswerBytes;

    /**
     * {@code endpoint} is only named in errors (where the shop was looked for); {@code
     * maxAnswerBytes} is the largest body read.
     */
    public BoundedExchange(HttpClient http, String backendName, URI endpoint, Duration timeout, long maxAnswerBytes) {
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("maxAnswerBytes " + maxAnswerBytes + " < 1");
        }
        this.http = http;
        this.backendName = backendName;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends {@code request} and reads its answer whole; {@code what} names the call in errors. */
    public HttpResponse<byte[]> send(HttpRequest request, String what) {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> new LimitedBody(maxAnswerBytes,
                info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw notInTime(what, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new RetryableJobException("Backend " + backendName + ": interrupted while calling " + what, e);
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof LimitedBody.TooLarge) {
                    throw new ConnectorException("Backend " + backendName + ": Magento's answer to " + what + " is larger than "
                            + (maxAnswerBytes / (1024 * 1024)) + " MB, the limit (option " + MagentoSettings.MAX_ANSWER_MB + ")");
                }
            }
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw notInTime(what, cause);
            }
            if (cause instanceof IOException io) {
                throw new NetworkFault("Backend " + backendName + ": cannot reach Magento at " + endpoint + " for "
                        + what + ": " + describe(io), io);
            }
            throw new ConnectorException("Backend " + backendName + ": calling " + what + " failed: " + cause, cause);
        }
    }

    /**
     * Not a {@link NetworkFault}: the call already took the whole timeout, and a shop that slow
     * is better left to the job's later retry than asked again at once.
     */
    private RetryableJobException notInTime(String what, Throwable cause) {
        return new RetryableJobException("Backend " + backendName + ": Magento did not answer " + what + " within "
                + timeout.toSeconds() + " s (" + endpoint + ")", cause);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
