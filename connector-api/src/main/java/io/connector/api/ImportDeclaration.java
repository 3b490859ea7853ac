package io.connector.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a bundle registers to name an import; its service properties ({@link DeclareImport})
 * say which models it imports, in which order.
 */
@ConsumerType
public interface ImportDeclaration {
}
