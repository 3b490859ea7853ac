/**
 * The standard kinds of connector unit: backend adapter, mappers, binder and synchronizers.
 */
@Version("1.0.0")
package io.connector.api.unit;

import org.osgi.annotation.versioning.Version;
