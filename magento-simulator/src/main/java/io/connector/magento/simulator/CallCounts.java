package io.connector.magento.simulator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulator was asked since it started or since its counts were last reset
 * ({@link MagentoSimulator#callCounts()}, {@code GET /stats}).
 *
 * @param requests HTTP requests to the APIs (XML-RPC, REST, product images), each one round trip
 * @param methods  per XML-RPC method (login, call, multiCall, endSession) and per REST HTTP method (GET, POST, PUT), sorted by name
 * @param paths    per API path, every call and every multiCall item, and per REST route ("GET products/{sku}"), sorted by name
 * @param faults   the faults answered on purpose, per kind: the injected ones by their
 *                 {@link FaultInjection.HttpFault} name, and {@value #SESSION_EXPIRED} for each
 *                 call refused because its session had served its calls
 */
public record CallCounts(long requests, Map<String, Long> methods, Map<String, Long> paths, Map<String, Long> faults) {

    public static final String SESSION_EXPIRED = "SESSION_EXPIRED";

    public CallCounts {
        methods = Collections.unmodifiableMap(new TreeMap<>(methods));
        paths = Collections.unmodifiableMap(new TreeMap<>(paths));
        faults = Collections.unmodifiableMap(new TreeMap<>(faults));
    }

    /** How many times this fault was answered on purpose, 0 when never. */
    public long fault(String fault) {
        return faults.getOrDefault(fault, 0L);
    }

    /** The count of one API path (e.g. "customer.info"), 0 when it was not asked. */
    public long path(String path) {
        return paths.getOrDefault(path, 0L);
    }

    /** The count of one XML-RPC method (e.g. "multiCall"), 0 when it was not asked. */
    public long method(String method) {
        return methods.getOrDefault(method, 0L);
    }
}
