package io.connector.core.mapper;

/**
 * Where a direct mapping takes its value from: a field, or a field through conversions
 * ({@link AbstractMapper#convert}, {@link AbstractMapper#none}, relations through binders).
 */
@FunctionalInterface
public interface Modifier {

    /** The value for {@code target}. */
    Object apply(MapContext context, String target);

    /** The field of the source record it reads: what the {@code fields} filter of exports compares. */
    default String sourceField() {
        return null;
    }
}
