package io.connector.magento.client;

/** Magento says the record does not exist (faults 100, 101, 102 on a read): it was deleted there. */
public class RecordNotFoundException extends MagentoException {

    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String message, int faultCode) {
        super(message, faultCode);
    }
}
