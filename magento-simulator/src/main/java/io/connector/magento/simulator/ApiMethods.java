package io.connector.magento.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The {@code resource.method} paths the simulator answers, each with what answers it. */
final class ApiMethods {

    /** One API method: its arguments in, its result (or a fault) out. */
    @FunctionalInterface
    interface ApiMethod {
        Object invoke(Arguments args) throws ApiFault;
    }

    private final Map<String, ApiMethod> methods = new TreeMap<>();

    void add(String path, ApiMethod method) {
        if (methods.putIfAbsent(path, method) != null) {
            throw new IllegalStateException("Two answers for " + path);
        }
    }

    Object invoke(String path, Arguments args) throws ApiFault {
        ApiMethod method = path == null ? null : methods.get(path);
        if (method == null) {
            throw ApiFault.invalidApiPath();
        }
        return method.invoke(args);
    }

    Set<String> paths() {
        return methods.keySet();
    }
}
