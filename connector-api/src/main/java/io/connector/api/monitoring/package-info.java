/**
 * What monitoring hears from the connector: health checks each bundle registers for what it
 * owns, and a listener to the jobs and records this node handled.
 */
@Version("1.0.0")
package io.connector.api.monitoring;

import org.osgi.annotation.versioning.Version;
