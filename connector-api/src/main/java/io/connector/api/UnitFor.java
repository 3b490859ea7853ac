package io.connector.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Places a DS component as a connector unit: the backend it belongs to and the models it
 * serves. A component property type, so the values become the component's service properties:
 *
 * <pre>
 * &#64;Component(service = ImportMapper.class, scope = ServiceScope.PROTOTYPE)
 * &#64;UnitFor(service = "magento", version = "1.7", model = "magento.res.partner")
 * public class PartnerImportMapper extends ... { }
 * </pre>
 *
 * Units are prototype-scoped: every environment gets its own instance.
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UnitFor {

    /** See {@link ServiceProperties#SERVICE}. */
    String service();

    /** See {@link ServiceProperties#VERSION}; empty for the service's root backend. */
    String version() default "";

    /** See {@link ServiceProperties#MODEL}. */
    String[] model();

    /** See {@link ServiceProperties#REPLACING}. */
    String[] replacing() default {};
}
