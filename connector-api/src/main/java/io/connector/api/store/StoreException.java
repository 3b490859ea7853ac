package io.connector.api.store;

import io.connector.api.ConnectorException;

/** Bad input to the store or a failed store operation; the message names model, field and value. */
public class StoreException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
