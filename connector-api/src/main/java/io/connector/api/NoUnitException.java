package io.connector.api;

/** No unit of the asked type serves the model anywhere in the backend's chain. */
public class NoUnitException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public NoUnitException(String message) {
        super(message);
    }
}
