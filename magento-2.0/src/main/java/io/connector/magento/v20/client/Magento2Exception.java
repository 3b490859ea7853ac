package io.connector.magento.v20.client;

import io.connector.api.ConnectorException;

/**
 * Magento 2 refused a call for a reason that waiting does not change (HTTP 400, 401, 403, a 404
 * that is not a record gone, a redirect): the job fails with the message until someone acts.
 */
public class Magento2Exception extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String magentoMessage;

    public Magento2Exception(String message, int status, String magentoMessage) {
        super(message);
        this.status = status;
        this.magentoMessage = magentoMessage;
    }

    /** The HTTP status Magento answered. */
    public int status() {
        return status;
    }

    /** Magento's own message, its parameters filled in (e.g. {@code No such entity with id = 42}); null when it sent none. */
    public String magentoMessage() {
        return magentoMessage;
    }
}
