package io.connector.magento.v17.xmlrpc;

/** A document that is not well-formed XML-RPC; the message quotes its start. */
public final class XmlRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public XmlRpcException(String message) {
        super(message);
    }

    public XmlRpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
