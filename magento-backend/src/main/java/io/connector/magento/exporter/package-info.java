/**
 * Exports to Magento: a product's stock, invoices, shipments with their tracking numbers, and an
 * order's state, through the protocol-neutral adapter types of {@code io.connector.magento.adapter};
 * version bundles extend them where their API differs.
 */
@Version("1.0.0")
package io.connector.magento.exporter;

import org.osgi.annotation.versioning.Version;
