package io.connector.api;

/**
 * Several units of the same type serve the model on one backend level with the same ranking;
 * the message names each candidate, its bundle and what it replaces.
 */
public class AmbiguousUnitException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public AmbiguousUnitException(String message) {
        super(message);
    }
}
