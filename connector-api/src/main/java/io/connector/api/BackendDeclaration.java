package io.connector.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a bundle registers to declare a backend; its service properties
 * ({@link DeclareBackend}) say which. The backend lives as long as the service does.
 */
@ConsumerType
public interface BackendDeclaration {
}
