/**
 * The standard kinds of connector unit (backend adapter, mappers, binder and synchronizers),
 * and {@link io.connector.api.unit.AbstractUnit}, the base that gives a unit its environment.
 */
@Version("1.2.0")
package io.connector.api.unit;

import org.osgi.annotation.versioning.Version;
