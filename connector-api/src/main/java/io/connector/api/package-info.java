/**
 * The connector platform's contract: backends, connector units and the environment that
 * resolves them. Interfaces and annotations, plus the exceptions that are part of the contract.
 */
@Version("1.1.0")
package io.connector.api;

import org.osgi.annotation.versioning.Version;
