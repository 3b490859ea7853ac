/**
 * The job queue: delaying, channels, job functions, operators' reads and actions. Nothing of this
 * bundle is exported; the job API is {@code io.connector.api.job}, and the tables are reached
 * through the record store's SPI only. The store applies the queue's own migrations (the
 * {@code Connector-Schema} header this annotation writes) before the bundle gets its
 * {@code SqlTransactions}.
 */
@ConnectorSchema(component = "io.connector.jobs", folder = "io/connector/jobs/schema")
package io.connector.jobs.internal;

import io.connector.store.spi.ConnectorSchema;
