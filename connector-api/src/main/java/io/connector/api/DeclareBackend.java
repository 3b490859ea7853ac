package io.connector.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Declares a backend from a bundle, on a component registered as {@link BackendDeclaration}:
 *
 * <pre>
 * &#64;Component(service = BackendDeclaration.class)
 * &#64;DeclareBackend(service = "magento", version = "1.7", parent = "magento")
 * public final class Magento17Backend implements BackendDeclaration { }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DeclareBackend {

    /** See {@link ServiceProperties#SERVICE}. */
    String service();

    /** See {@link ServiceProperties#VERSION}; empty for the service's root backend. */
    String version() default "";

    /** See {@link ServiceProperties#PARENT}; empty for a root backend. */
    String parent() default "";

    /** See {@link ServiceProperties#DESCRIPTION}. */
    String description() default "";
}
