/** Units of the magento/1.7 backend that customer-specific versions extend. */
@Version("1.0.0")
package io.connector.magento.v17;

import org.osgi.annotation.versioning.Version;
