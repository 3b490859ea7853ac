package io.connector.magento.simulator;

import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what the simulator was asked, kept even when {@link MagentoSimulator.Builder#recordCalls}
 * is off: a load run of a million calls must not keep each one, but a benchmark wants to know how
 * many HTTP round trips and which API paths a client needed per record.
 */
final class CallStats {

    private volatile Counts counts = new Counts();

    /** One HTTP request to an API (XML-RPC, REST, the product images): a round trip, whatever it held. */
    void request() {
        counts.requests.increment();
    }

    /** An XML-RPC method (login, call, multiCall, endSession), or a REST request's HTTP method (GET, POST, PUT). */
    void method(String method) {
        counts.methods.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    /** An API path ({@code customer.info}), from a call or from one item of a multiCall, or a REST route ({@code GET products/{sku}}). */
    void path(String path) {
        counts.paths.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    /** A fault the simulator answered on purpose: an injected {@link FaultInjection.HttpFault}, or a session it expired. */
    void fault(String fault) {
        counts.faults.computeIfAbsent(fault, f -> new LongAdder()).increment();
    }

    CallCounts snapshot() {
        return counts.snapshot();
    }

    /**
     * The counts so far, and a fresh start. Requests answered while it resets may land on either
     * side; a benchmark resets between its phases, when nothing is asked.
     */
    CallCounts reset() {
        Counts old = counts;
        counts = new Counts();
        return old.snapshot();
    }

    private static final class Counts {
        final LongAdder requests = new LongAdder();
        final Map<String, LongAdder> methods = new ConcurrentHashMap<>();
        final Map<String, LongAdder> paths = new ConcurrentHashMap<>();
        final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

        CallCounts snapshot() {
            return new CallCounts(requests.sum(), sums(methods), sums(paths), sums(faults));
        }

        private static Map<String, Long> sums(Map<String, LongAdder> adders) {
            Map<String, Long> sums = new HashMap<>();
            adders.forEach((name, adder) -> sums.put(name, adder.sum()));
            return sums;
        }
    }
}
