package io.connector.magento.mapper;

import io.connector.core.mapper.AbstractImportMapper;
import org.osgi.annotation.versioning.ConsumerType;

/** {@code ol_websites.info} as a website. */
@ConsumerType
public abstract class WebsiteImportMapper extends AbstractImportMapper {

    protected WebsiteImportMapper() {
        direct("name", "name");
        direct("code", "code");
        direct(convert("sort_order", Integer.class), "sort_order");
    }
}
