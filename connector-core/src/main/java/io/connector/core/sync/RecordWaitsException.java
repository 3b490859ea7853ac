package io.connector.core.sync;

import java.time.Duration;

import io.connector.api.job.RetryableJobException;

/**
 * A record that cannot be imported yet and will be later: an order waiting for its payment, or
 * for an operator to set the rule of a payment method first seen on it. Its job runs again after
 * {@code retryAfter}, without counting a try, so waiting never exhausts the job's tries; in a
 * chunk, the record goes on waiting in a job of its own while the others land.
 */
public class RecordWaitsException extends RetryableJobException {

    private static final long serialVersionUID = 1L;

    public RecordWaitsException(String message, Duration retryAfter) {
        super(message, retryAfter, true);
    }
}
