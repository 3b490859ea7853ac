package io.connector.magento.v17.xmlrpc;

/** A fault the server answered with: its code and string, as XML-RPC carries them. */
public final class XmlRpcFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final String faultString;

    public XmlRpcFault(int code, String faultString) {
        super("Fault " + code + ": " + faultString);
        this.code = code;
        this.faultString = faultString;
    }

    public int code() {
        return code;
    }

    public String faultString() {
        return faultString;
    }
}
