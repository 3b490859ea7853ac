package io.connector.magento;

import java.time.Duration;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.magento.http.NetworkRetries;

/**
 * What a Magento backend record sets beside the generic location and credentials, read in this
 * one place from its options ({@code connector:backend-add --option KEY=VALUE}), with their
 * defaults.
 *
 * @param timeout         how long one call may take ({@value #TIMEOUT}, seconds, default 60)
 * @param salePrefix      put before the shop's order numbers ({@value #SALE_PREFIX}, default none)
 * @param defaultLanguage the language of the shop's texts ({@value #DEFAULT_LANGUAGE}, default none)
 */
public record MagentoSettings(Duration timeout, String salePrefix, String defaultLanguage) {

    public static final String TIMEOUT = "timeout";
    public static final String SALE_PREFIX = "sale.prefix";
    public static final String DEFAULT_LANGUAGE = "default.lang";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Option: calls per {@code multiCall} at most; 0 makes every call on its own. */
    public static final String MULTICALL_MAX = "multicall.max";
    /**
     * A shop runs a multiCall's calls one after the other in one PHP request, bounded by its
     * max_execution_time: 100 keeps a request to seconds while saving 99 round trips in 100.
     */
    public static final int DEFAULT_MULTICALL_MAX = 100;
    /** More would risk the shop's time and memory limits for one request. */
    public static final int MULTICALL_MAX_LIMIT = 1000;
    /** Option: the largest answer read, in MB; a larger one is refused as it arrives. */
    public static final String MAX_ANSWER_MB = "answer.max.mb";
    /** A multiCall of 100 orders is a few MB: 64 leaves room and keeps a hostile answer from filling the heap. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;
    private static final int MAX_ANSWER_MB_LIMIT = 2047;
    /** Option: how often a call that only reads is sent again after a passing network fault (0 to 10). */
    public static final String NETWORK_RETRIES = "network.retries";
    /**
     * Two more tries, half a second then about a second later: enough for a proxy's 503 or a
     * reset connection to pass, short beside a job's own retry (ten seconds and more).
     */
    public static final NetworkRetries DEFAULT_NETWORK_RETRIES =
            new NetworkRetries(2, Duration.ofMillis(500));
    private static final int NETWORK_RETRIES_LIMIT = 10;

    /** The backend record's {@value #NETWORK_RETRIES}, else two. */
    public static NetworkRetries networkRetries(BackendRecord backend) {
        return backend.option(NETWORK_RETRIES).map(value -> {
            try {
                int times = Integer.parseInt(value.trim());
                if (times >= 0 && times <= NETWORK_RETRIES_LIMIT) {
                    return new NetworkRetries(times, DEFAULT_NETWORK_RETRIES.backoff());
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + NETWORK_RETRIES + " '" + value
                    + "' is not a number of tries from 0 to " + NETWORK_RETRIES_LIMIT);
        }).orElse(DEFAULT_NETWORK_RETRIES);
    }

    /** The backend record's {@value #MAX_ANSWER_MB} (1 to 2047) in bytes, else 64 MB. */
    public static long maxAnswerBytes(BackendRecord backend) {
        return backend.option(MAX_ANSWER_MB).map(value -> {
            try {
                int mb = Integer.parseInt(value.trim());
                if (mb >= 1 && mb <= MAX_ANSWER_MB_LIMIT) {
                    return mb * 1024L * 1024L;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new ConnectorException("Backend " + backend.name() + ": option " + MAX_ANSWER_MB + " '" + value
                    + "' is not a number of MB from 1 to " + MAX_ANSWER_MB_LIMIT);
        }).orElse(DEFAULT_MAX_ANSWER_BYTES);
    }

    /** The settings of a backend record; a value that is not one is an error naming the backend and the option. */
    public static MagentoSettings of(BackendRecord backend) {
        Duration timeout = backend.option(TIMEOUT).map(value -> seconds(backend, value)).orElse(DEFAULT_TIMEOUT);
        return new MagentoSettings(timeout, backend.option(SALE_PREFIX).orElse(""), backend.option(DEFAULT_LANGUAGE).orElse(""));
    }

    /**
     * The backend record's {@value #MULTICALL_MAX} (0 to {@value #MULTICALL_MAX_LIMIT}), else
     * {@value #DEFAULT_MULTICALL_MAX}; anything else is an error naming the backend and the option.
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

    private static Duration seconds(BackendRecord backend, String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConnectorException("Backend " + backend.name() + ": option " + TIMEOUT + " '" + value
                + "' is not a number of seconds above 0");
    }
}
