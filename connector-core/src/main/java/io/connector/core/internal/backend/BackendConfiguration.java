package io.connector.core.internal.backend;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A backend record's configuration: one factory configuration of {@value #PID} per shop or
 * server, e.g. {@code etc/io.connector.backend-shop1.cfg} (file install reads PID-NAME.cfg as a factory
 * configuration; PID~NAME.cfg would be a plain one, which no record follows). {@code connector:backend-add} writes
 * them; a file written by hand works the same. Further properties are the record's options,
 * which the backend's bundle reads (Magento: {@code timeout}, {@code sale.prefix}, {@code default.lang}).
 */
@ObjectClassDefinition(name = "Connector backend",
        description = "A shop or server the connector synchronizes with")
@interface BackendConfiguration {

    String PID = "io.connector.backend";

    @AttributeDefinition(name = "Name", description = "What operators call it in shell commands")
    String name();

    @AttributeDefinition(name = "Id", description = "Stable identifier the bindings refer to: set once, never "
            + "changed, survives renames (default: the configuration's PID)", required = false)
    String id() default "";

    @AttributeDefinition(name = "Service", description = "The system it is, e.g. magento")
    String service();

    @AttributeDefinition(name = "Version", description = "A version declared by an installed bundle, e.g. 1.7")
    String version() default "";

    @AttributeDefinition(name = "Location", description = "Where it answers, e.g. https://shop.example.com")
    String location();

    @AttributeDefinition(name = "Username", description = "The API user", required = false)
    String username() default "";

    /** A name starting with a dot: Config Admin's private properties are never published as service properties. */
    @AttributeDefinition(name = "Password", description = "The API key or password", type = AttributeType.PASSWORD,
            required = false)
    String _password() default "";
}
