package io.connector.core.internal.resolver;

/**
 * Where instances of a unit come from: the service registry in a container, a plain factory in
 * tests and benchmarks.
 */
public interface UnitSource {

    /** A new instance, or {@code null} when the unit is no longer registered. */
    Object newInstance();

    /** Gives back an instance obtained from {@link #newInstance()}; never fails. */
    void release(Object instance);
}
