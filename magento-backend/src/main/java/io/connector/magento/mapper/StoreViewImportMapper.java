package io.connector.magento.mapper;

import io.connector.core.mapper.AbstractImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/** {@code ol_storeviews.info} as a store view of its store ({@code group_id}). */
@ConsumerType
public abstract class StoreViewImportMapper extends AbstractImportMapper {

    protected StoreViewImportMapper() {
        direct("name", "name");
        direct("code", "code");
        direct(convert("is_active", Boolean.class), "is_active");
        direct(convert("sort_order", Integer.class), "sort_order");
        direct(backendToM2o("group_id"), "store_id");
    }
}
