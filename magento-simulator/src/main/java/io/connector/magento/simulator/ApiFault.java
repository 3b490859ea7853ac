package io.connector.magento.simulator;

/** A Magento API fault: answered as an XML-RPC {@code <fault>}, or as a failed multiCall item. */
final class ApiFault extends Exception {

    private static final long serialVersionUID = 1L;

    static final int INTERNAL_ERROR = 1;
    static final int ACCESS_DENIED = 2;
    static final int INVALID_API_PATH = 3;
    static final int SESSION_EXPIRED = 5;

    private final int code;

    ApiFault(int code, String message) {
        // A fault is an answer, not a bug: no stack trace to fill on every missing record.
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static ApiFault accessDenied() {
        return new ApiFault(ACCESS_DENIED, "Access denied.");
    }

    static ApiFault invalidApiPath() {
        return new ApiFault(INVALID_API_PATH, "Invalid api path.");
    }

    static ApiFault sessionExpired() {
        return new ApiFault(SESSION_EXPIRED, "Session expired. Try to relogin.");
    }
}
