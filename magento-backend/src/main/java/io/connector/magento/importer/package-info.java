/** The import flow every Magento version shares: batch and record importers per model, with their reference rules. */
@Version("1.1.0")
package io.connector.magento.importer;

import org.osgi.annotation.versioning.Version;
