/** Base classes for connector units. */
@Version("1.0.0")
package io.connector.core.unit;

import org.osgi.annotation.versioning.Version;
