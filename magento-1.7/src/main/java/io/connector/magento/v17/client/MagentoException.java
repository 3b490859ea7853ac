package io.connector.magento.v17.client;

import io.connector.api.ConnectorException;

/** Magento answered with a fault the caller may want to tell apart by its code. */
public class MagentoException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final int faultCode;

    public MagentoException(String message, int faultCode) {
        super(message);
        this.faultCode = faultCode;
    }

    public int faultCode() {
        return faultCode;
    }
}
