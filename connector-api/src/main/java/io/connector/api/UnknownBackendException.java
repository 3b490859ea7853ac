package io.connector.api;

/** A backend name that no installed bundle declares. */
public class UnknownBackendException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public UnknownBackendException(String message) {
        super(message);
    }
}
