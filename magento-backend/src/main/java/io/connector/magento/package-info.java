/** What the Magento backends of every version share: model names and base units. */
@Version("1.1.0")
package io.connector.magento;

import org.osgi.annotation.versioning.Version;
