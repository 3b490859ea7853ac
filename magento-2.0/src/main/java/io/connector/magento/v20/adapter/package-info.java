/**
 * The base of the Magento 2 REST adapters: what a version that extends {@code magento/2.0}
 * builds its own adapters on. Records leave an adapter in the shared field names
 * ({@link io.connector.magento.adapter}), so the shared mappers and importers serve Magento 2 too.
 */
@Version("1.0.0")
package io.connector.magento.v20.adapter;

import org.osgi.annotation.versioning.Version;
