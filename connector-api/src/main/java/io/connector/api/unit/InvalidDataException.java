package io.connector.api.unit;

import io.connector.api.ConnectorException;

/**
 * A remote record the connector cannot represent (an unsupported product type, a required field
 * missing, an unparsable date): retrying does not help; someone must fix the data or the mapping.
 */
public class InvalidDataException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }
}
