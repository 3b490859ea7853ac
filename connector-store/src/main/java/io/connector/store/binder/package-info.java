/** The binder over the record store, for backend bundles to register per binding model. */
@Version("1.1.0")
package io.connector.store.binder;

import org.osgi.annotation.versioning.Version;
