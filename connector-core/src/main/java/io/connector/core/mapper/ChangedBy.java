package io.connector.core.mapper;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Mapping} method that an export of changed fields runs only when one of these fields
 * changed. An overriding method adds its fields to those of the method it overrides.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangedBy {
    String[] value();
}
