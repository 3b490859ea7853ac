/**
 * The persistent job queue: job functions registered as services, jobs delayed with JSON
 * arguments and options, run later by any node, retried, prioritised and limited per channel;
 * and what operators see of it.
 */
@Version("1.2.0")
package io.connector.api.job;

import org.osgi.annotation.versioning.Version;
