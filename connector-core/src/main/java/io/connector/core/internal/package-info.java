/**
 * The connector core's implementation, not exported: the unit resolver, environments, backend
 * records, imports and shell commands. The core declares the local models every connector
 * shares (partners, products, orders, checkpoints, import dates).
 */
@ConnectorModels("connector/models.json")
package io.connector.core.internal;

import io.connector.api.store.ConnectorModels;
