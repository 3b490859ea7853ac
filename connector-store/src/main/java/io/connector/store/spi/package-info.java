/**
 * For bundles that keep tables of their own beside the records, in the same transactions (the
 * job queue): the store's transaction on this thread as JDBC, and schema migrations a bundle
 * ships ({@link io.connector.store.spi.ConnectorSchema}). Application code uses
 * {@code io.connector.api.store} instead.
 */
@Version("1.1.0")
package io.connector.store.spi;

import org.osgi.annotation.versioning.Version;
