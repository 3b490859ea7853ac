package io.connector.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names an import an operator can run ({@code connector:import BACKEND partners}), on a component
 * registered as {@link ImportDeclaration}:
 *
 * <pre>
 * &#64;Component(service = ImportDeclaration.class)
 * &#64;DeclareImport(service = "magento", name = "metadata",
 *     models = {"magento.website", "magento.store", "magento.storeview"})
 * public final class MetadataImport implements ImportDeclaration { }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DeclareImport {

    String PREFIX_ = "connector.import.";

    /** The backend service whose records it imports, e.g. {@code magento}. */
    String service();

    /** What the operator types, e.g. {@code partners}. */
    String name();

    /** The binding models whose batch importers run, in this order, each after the previous one is done. */
    String[] models();

    /**
     * Whether the batch importers accept {@code from_date}: then the import starts where the
     * previous one ended, less a safety margin, unless told {@code --since}.
     */
    boolean incremental() default false;

    /**
     * With {@link #incremental}: the batch importers keep their own start dates (e.g. one per
     * Magento store view), so the launcher passes a {@code --since} alone, reads and stores no
     * date of its own.
     */
    boolean ownDates() default false;

    /** Order among the service's imports, for listings and for "import everything". */
    int order() default 0;

    String description() default "";
}
