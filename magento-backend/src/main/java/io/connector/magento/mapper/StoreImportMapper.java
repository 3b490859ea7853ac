package io.connector.magento.mapper;

import io.connector.core.mapper.AbstractImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/** {@code ol_groups.info} (a store group) as a store of its website. */
@ConsumerType
public abstract class StoreImportMapper extends AbstractImportMapper {

    protected StoreImportMapper() {
        direct("name", "name");
        direct(backendToM2o("website_id"), "website_id");
    }
}
