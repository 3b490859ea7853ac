/**
 * The base of the Magento 1.x XML-RPC adapters ({@link io.connector.magento.v17.adapter.MagentoAdapter}),
 * for the 1.x versions that extend them. The types the shared importers and exporters ask for are
 * protocol-neutral, in {@code io.connector.magento.adapter} (magento-backend).
 */
@Version("1.0.0")
package io.connector.magento.v17.adapter;

import org.osgi.annotation.versioning.Version;
