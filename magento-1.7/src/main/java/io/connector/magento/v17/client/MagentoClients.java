package io.connector.magento.v17.client;

import io.connector.api.BackendRecord;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One {@link MagentoClient} per backend record, so that every unit and job of a backend shares
 * its API session (Magento counts logins; a login per call would be slow and fill its session
 * table). A service: adapters of every Magento version bundle get it by reference.
 */
@ProviderType
public interface MagentoClients {

    /** The backend record's client; a record whose location, credentials or settings changed gets a new one. */
    MagentoClient forBackend(BackendRecord backend);
}
