package io.connector.core.mapper;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link Mapping} method of a mapper class, with the changed-by fields of every method it overrides. */
record MappingMethod(Method method, boolean onlyCreate, Set<String> changedBy) {

    /** The mapping methods of {@code type} and its superclasses below {@code base}, parents' first. */
    static List<MappingMethod> of(Class<?> type, Class<?> base) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != base; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Map<String, MappingMethod> byName = new LinkedHashMap<>();
        for (Class<?> c : hierarchy) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Mapping.class)) {
                    continue;
                }
                if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != MapContext.class
                        || !Map.class.isAssignableFrom(method.getReturnType()) || Modifier.isStatic(method.getModifiers())) {
                    throw new IllegalStateException("@Mapping method " + c.getName() + "." + method.getName()
                            + " must be an instance method Map<String, Object> " + method.getName() + "(MapContext)");
                }
                method.setAccessible(true);
                Set<String> changedBy = new LinkedHashSet<>();
                MappingMethod overridden = byName.remove(method.getName());
                if (overridden != null) {
                    changedBy.addAll(overridden.changedBy());
                }
                ChangedBy annotation = method.getAnnotation(ChangedBy.class);
                if (annotation != null) {
                    changedBy.addAll(List.of(annotation.value()));
                }
                // Appended again: an override runs where the subclass's methods run, after the parent's.
                byName.put(method.getName(), new MappingMethod(method, method.isAnnotationPresent(OnlyCreate.class),
                        Set.copyOf(changedBy)));
            }
        }
        // Resolve each name to the most derived implementation, which reflection dispatches to anyway.
        return List.copyOf(byName.values());
    }
}
