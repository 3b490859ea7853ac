package io.connector.api.unit;

import io.connector.api.ConnectorException;

/** A record could not be mapped, e.g. it refers to a record that has no binding yet. */
public class MappingException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }
}
