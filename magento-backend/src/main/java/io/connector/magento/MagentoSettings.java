package io.connector.magento;

import java.time.Duration;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.magento.http.NetworkRetries;

/**
 * What a Magento backend record of any version sets beside the generic location and credentials,
 * read in this one place from its options ({@code connector:backend-add --option KEY=VALUE}), with
 * their defaults. An option only one protocol has is read by its client (Magento 1.x's
 * {@code multicall.max}: {@code io.connector.magento.v17.client.MagentoClient}).
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
    /** Option: the largest answer read, in MB; a larger one is refused as it arrives. */
    public static final String MAX_ANSWER_MB = "answer.max.mb";
    /** A multiCall of 100 orders is a few MB: 64 leaves room and keeps a hostile answer from filling the heap. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L * 1024 * 1024;
    private static final int MAX_ANSWER_MB_LIMIT = 2047;
    /** Option: how often a call that only reads is sent again after a passing network fault (0 to 10). */
    public static final String NETWORK_RETRIES = "network.retries";
    /** Option: whether a product import brings its images (true, the default, or false). */
    public static final String PRODUCT_IMAGES = "product.images";

    /**
     * The backend record's {@value #PRODUCT_IMAGES}: an integrator whose store keeps no images
     * saves the downloads (the import then makes only the API's requests).
     */
    public static boolean productImages(BackendRecord backend) {
        return backend.option(PRODUCT_IMAGES).map(value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConnectorException("Backend " + backend.name() + ": option " + PRODUCT_IMAGES + " '" + value
                    + "' is not true or false");
        }).orElse(true);
    }
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
