package io.connector.core.internal.resolver;

import java.util.Objects;
import java.util.Set;

/**
 * A registered unit as the resolver sees it: what it is, where it sits and what it replaces.
 *
 * @param name      the component name, by default its implementation class; what {@code replacing} names
 * @param types     the unit types (service interfaces) it is registered under
 * @param backend   the backend level it is registered on, e.g. {@code magento/1.7}
 * @param models    the models it serves
 * @param replacing names of the units on the same level that it replaces
 * @param ranking   {@code service.ranking}
 * @param serviceId {@code service.id}, the registration order
 * @param bundle    the bundle that registered it, for diagnostics
 * @param prototype whether each environment can get its own instance
 */
public record UnitDescriptor(String name, Set<String> types, String backend, Set<String> models,
        Set<String> replacing, int ranking, long serviceId, String bundle, boolean prototype,
        UnitSource source) {

    public UnitDescriptor {
        Objects.requireNonNull(name, "name");
        types = Set.copyOf(types);
        Objects.requireNonNull(backend, "backend");
        models = Set.copyOf(models);
        replacing = Set.copyOf(replacing);
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(source, "source");
    }

    /** {@code name [bundle]}, as errors and the shell show a unit. */
    public String describe() {
        return name + " [" + bundle + "]";
    }

    @Override
    public String toString() {
        return describe();
    }
}
