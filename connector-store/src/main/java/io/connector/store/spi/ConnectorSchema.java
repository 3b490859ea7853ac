package io.connector.store.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.connector.api.store.ConnectorModels;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * Declares the versioned SQL scripts of a bundle's own tables: put it on a class or a
 * {@code package-info} of the bundle. The build writes the {@value #HEADER} header and a
 * requirement on the record store. {@code folder} holds a file {@code migrations} listing the
 * scripts in order, one name a line ({@code V1__job_queue.sql}); a script
 * {@code V1__job_queue.postgresql.sql} beside one replaces it on PostgreSQL. The store applies
 * each once, in order, recorded under {@code component}, before the bundle gets its
 * {@link SqlTransactions}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Header(name = ConnectorSchema.HEADER, value = "${#folder};component=${#component}")
@Requirement(namespace = ConnectorModels.EXTENDER_NAMESPACE, name = ConnectorModels.EXTENDER,
        version = ConnectorModels.EXTENDER_VERSION)
public @interface ConnectorSchema {

    String HEADER = "Connector-Schema";

    /** The name the applied scripts are recorded under, e.g. {@code io.connector.jobs}; never change it. */
    String component();

    /** The bundle folder with the {@code migrations} index and the scripts, e.g. {@code io/connector/jobs/schema}. */
    String folder();
}
