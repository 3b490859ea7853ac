/** The Magento 1.x XML-RPC API client: one logged-in session per backend record, shared by its units. */
@Version("1.0.0")
package io.connector.magento.v17.client;

import org.osgi.annotation.versioning.Version;
