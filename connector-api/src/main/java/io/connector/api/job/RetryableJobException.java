package io.connector.api.job;

import java.time.Duration;

import io.connector.api.ConnectorException;

/**
 * The job should run again later: after {@link #retryAfter()}, or after the function's retry
 * pattern when that is null. With {@link #ignoreRetry()}, this try does not count against the
 * job's maximum (e.g. a lock held by another job).
 */
public class RetryableJobException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean ignoreRetry;

    public RetryableJobException(String message) {
        this(message, null, false);
    }

    public RetryableJobException(String message, Duration retryAfter, boolean ignoreRetry) {
        super(message);
        this.retryAfter = retryAfter;
        this.ignoreRetry = ignoreRetry;
    }

    public RetryableJobException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
        this.ignoreRetry = false;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean ignoreRetry() {
        return ignoreRetry;
    }
}
