/** Backend adapters over the Magento 1.x API, one per model; version bundles extend them where their API differs. */
@Version("1.1.0")
package io.connector.magento.adapter;

import org.osgi.annotation.versioning.Version;
