/**
 * XML-RPC as Magento 1.x speaks it: calls encoded and answers decoded on StAX, with DTDs and
 * external entities off. The client uses it; so does the simulator, which answers it.
 */
@Version("1.0.0")
package io.connector.magento.v17.xmlrpc;

import org.osgi.annotation.versioning.Version;
