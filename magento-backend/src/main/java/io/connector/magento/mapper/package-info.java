/** Import mappers from Magento records to local records; version and customer bundles extend them. */
@Version("1.1.0")
package io.connector.magento.mapper;

import org.osgi.annotation.versioning.Version;
