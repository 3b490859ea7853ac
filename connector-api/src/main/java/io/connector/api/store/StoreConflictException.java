package io.connector.api.store;

import io.connector.api.job.RetryableJobException;

/**
 * The database ended a statement to resolve a deadlock or a conflict with another transaction
 * (PostgreSQL's 40P01 and 40001, H2's deadlock and lock timeout): nothing is wrong with the
 * data, and the same work run again succeeds. Retryable: a job that meets it is tried again.
 */
public class StoreConflictException extends RetryableJobException {

    private static final long serialVersionUID = 1L;

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
