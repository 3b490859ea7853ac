package io.connector.magento.http;

import io.connector.api.job.RetryableJobException;

/**
 * A passing fault of the network or of a proxy in front of the shop (HTTP 502/503/504, a
 * connection reset or refused, an answer cut short): a call that only reads is sent again by
 * {@link NetworkRetries}; any other is the job's to retry.
 */
public class NetworkFault extends RetryableJobException {

    private static final long serialVersionUID = 1L;

    public NetworkFault(String message, Throwable cause) {
        super(message, cause);
    }
}
