/** Base classes for mappers: declared direct mappings plus computed values. */
@Version("1.0.0")
package io.connector.core.mapper;

import org.osgi.annotation.versioning.Version;
