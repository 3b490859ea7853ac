package io.connector.api.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares the models of a bundle: put it on a class or a {@code package-info} of the bundle,
 * naming its model files (comma separated, e.g. {@code "connector/models.json"}). The build
 * writes the {@value #HEADER} header and a requirement on the record store, which reads the
 * files whenever the bundle starts: the bundle does not resolve where no record store is.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Header(name = ConnectorModels.HEADER, value = "${#value}")
@Requirement(namespace = ConnectorModels.EXTENDER_NAMESPACE, name = ConnectorModels.EXTENDER,
        version = ConnectorModels.EXTENDER_VERSION)
public @interface ConnectorModels {

    /** The manifest header naming a bundle's model files. */
    String HEADER = "Connector-Models";

    /** The extender that reads model files and schema migrations: the record store. */
    String EXTENDER = "io.connector.store";

    String EXTENDER_VERSION = "1.0.0";

    String EXTENDER_NAMESPACE = "osgi.extender";

    /** The bundle's model files, comma separated. */
    String value();
}
