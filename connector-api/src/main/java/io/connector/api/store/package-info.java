/**
 * The local record store: models declared by bundles, records read and written in
 * transactions, bindings to remote records, and the events local changes fire.
 */
@Version("1.3.0")
package io.connector.api.store;

import org.osgi.annotation.versioning.Version;
