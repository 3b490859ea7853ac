/**
 * The persistent job queue: job functions registered as services, jobs delayed with JSON
 * arguments and options, run later by any node, retried, prioritised and limited per channel.
 */
@Version("1.0.0")
package io.connector.api.job;

import org.osgi.annotation.versioning.Version;
