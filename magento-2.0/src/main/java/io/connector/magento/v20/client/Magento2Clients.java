package io.connector.magento.v20.client;

import io.connector.api.BackendRecord;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One {@link Magento2Client} per backend record, shared by every unit and job of the backend. A
 * service: the magento/2.0 units get it by reference.
 */
@ProviderType
public interface Magento2Clients {

    /** The backend record's client; a record whose location, token or settings changed gets a new one. */
    Magento2Client forBackend(BackendRecord backend);
}
