package io.connector.magento.adapter;

import io.connector.api.ConnectorException;

/**
 * Magento refused to invoice or ship because nothing of the order is left to: most often the
 * document was made by an earlier try whose answer was lost. Magento 1 says so with fault 102,
 * Magento 2 with a 400 whose message says the order cannot be invoiced or shipped. The exporter
 * then binds the order's document that no binding holds.
 */
public class NothingLeftException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public NothingLeftException(String message, Throwable cause) {
        super(message, cause);
    }
}
