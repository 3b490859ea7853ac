package io.connector.api.job;

import io.connector.api.ConnectorException;

/** The job has nothing to do: it ends done, with this message as its result. */
public class NothingToDoException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public NothingToDoException(String message) {
        super(message);
    }
}
