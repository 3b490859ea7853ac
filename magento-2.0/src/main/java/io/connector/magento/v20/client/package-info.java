/**
 * The Magento 2.x REST API client: one per backend record ({@link io.connector.magento.v20.client.Magento2Clients}),
 * the paths and query parameters as Magento reads them, and its errors in the platform's terms.
 */
@Version("1.0.0")
package io.connector.magento.v20.client;

import org.osgi.annotation.versioning.Version;
