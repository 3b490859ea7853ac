/**
 * The HTTP bounds every Magento client shares, whatever it speaks (XML-RPC for 1.x, REST for
 * 2.x): one exchange bounded whole in time and in size, its failures said the same way, and the
 * policy that sends a read again after a passing network fault.
 */
@Version("1.0.0")
package io.connector.magento.http;

import org.osgi.annotation.versioning.Version;
