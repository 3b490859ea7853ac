package io.connector.magento.mapper;

import io.connector.core.mapper.AbstractImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/** A Magento customer group becomes a partner category of the same name, in every version. */
@ConsumerType
public abstract class PartnerCategoryImportMapper extends AbstractImportMapper {

    protected PartnerCategoryImportMapper() {
        direct("customer_group_code", "name");
    }
}
