package io.connector.magento.v17.client;

import io.connector.api.unit.RemoteRecordNotFoundException;

/** Magento says the record does not exist (faults 100, 101, 102 on a read): it was deleted there. */
public class RecordNotFoundException extends RemoteRecordNotFoundException {

    private static final long serialVersionUID = 1L;

    private final int faultCode;

    public RecordNotFoundException(String message, int faultCode) {
        super(message);
        this.faultCode = faultCode;
    }

    public int faultCode() {
        return faultCode;
    }
}
