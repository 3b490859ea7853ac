package io.connector.api.unit;

import io.connector.api.ConnectorException;

/** What a backend adapter throws when the remote record does not exist (any more). */
public class RemoteRecordNotFoundException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public RemoteRecordNotFoundException(String message) {
        super(message);
    }
}
