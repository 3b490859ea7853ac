/** Base classes for the synchronizers: record and batch importers, as the reference connector has them. */
@Version("1.1.0")
package io.connector.core.sync;

import org.osgi.annotation.versioning.Version;
