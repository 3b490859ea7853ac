package io.connector.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every connector unit is: a prototype-scoped service that works within one
 * {@link Environment}. The environment that obtains an instance gives itself to it once, before
 * handing it out; through it a unit reaches the backend record and the other units.
 */
@ConsumerType
public interface ConnectorUnit {

    /** Called once by the environment that obtained this instance. */
    void setEnvironment(Environment environment);

    Environment environment();
}
