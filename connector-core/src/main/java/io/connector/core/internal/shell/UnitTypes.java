package io.connector.core.internal.shell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.connector.core.internal.resolver.RegistrySnapshot;
import io.connector.core.internal.resolver.UnitDescriptor;

/** Unit types and models as the shell names and completes them. */
final class UnitTypes {

    private UnitTypes() {
    }

    static Set<String> types(RegistrySnapshot snapshot) {
        Set<String> types = new TreeSet<>();
        snapshot.units().forEach(u -> types.addAll(u.types()));
        return types;
    }

    static Set<String> models(RegistrySnapshot snapshot) {
        Set<String> models = new TreeSet<>();
        for (UnitDescriptor unit : snapshot.units()) {
            models.addAll(unit.models());
        }
        return models;
    }

    static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A full type name from a full or simple one; an unknown or ambiguous name is an error that lists the types. */
    static String fullName(RegistrySnapshot snapshot, String name) {
        Set<String> types = types(snapshot);
        if (types.contains(name)) {
            return name;
        }
        List<String> matches = types.stream().filter(t -> simpleName(t).equals(name)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("Unknown unit type '" + name + "'. Types of installed units: "
                    + String.join(", ", types.stream().map(UnitTypes::simpleName).toList()));
        }
        throw new IllegalArgumentException("Unit type '" + name + "' is ambiguous; use one of: " + String.join(", ", matches));
    }
}
