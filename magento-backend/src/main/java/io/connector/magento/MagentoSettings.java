package io.connector.magento;

import java.time.Duration;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;

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
