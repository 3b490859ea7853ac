package io.connector.web.internal;

/** A request the API refuses, with the HTTP status and the message that says what was wrong. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
