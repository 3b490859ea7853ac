package io.connector.magento.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What can go wrong between the connector and a real shop, to switch on while the simulator
 * runs: a slow answer, HTTP 503 from a proxy, a connection closed without an answer, a body
 * that is not XML (a PHP fatal error), a body cut short, and sessions that expire.
 *
 * <p>Shares (0..1) draw from one seeded random per request, so a run with the same seed and the
 * same requests fails the same ones; their sum should not exceed 1. For tests that must know
 * exactly which request fails, {@link #failNext} scripts the next requests instead, and runs
 * before any share.
 *
 * <p>A 503 and a reset happen before the call runs; a malformed or truncated body after it has
 * run, so a write the client saw fail may still have happened, as with a real shop.
 */
public final class FaultInjection {

    /** What the simulator does to one HTTP request. */
    public enum HttpFault {
        /** Answers normally. */
        NONE,
        /** HTTP 503 with an HTML body, the call not run. */
        SERVICE_UNAVAILABLE,
        /** Closes the connection without an answer, the call not run. */
        CONNECTION_RESET,
        /** HTTP 200 with a body that is not XML, after running the call. */
        MALFORMED_BODY,
        /** HTTP 200 with the first half of the answer, after running the call. */
        TRUNCATED_BODY
    }

    private volatile long latencyMillis;
    private volatile double serviceUnavailableShare;
    private volatile double connectionResetShare;
    private volatile double malformedBodyShare;
    private volatile double truncatedBodyShare;
    private volatile int sessionCallLimit;
    private final Deque<HttpFault> scripted = new ArrayDeque<>();
    private final Map<HttpFault, AtomicLong> injected = new EnumMap<>(HttpFault.class);
    private Random random = new Random(0);

    FaultInjection() {
        for (HttpFault fault : HttpFault.values()) {
            injected.put(fault, new AtomicLong());
        }
    }

    /** Waits this long before answering each request. */
    public FaultInjection latency(Duration latency) {
        this.latencyMillis = Math.max(0, latency.toMillis());
        return this;
    }

    public FaultInjection latencyMillis(long millis) {
        return latency(Duration.ofMillis(millis));
    }

    public FaultInjection serviceUnavailable(double share) {
        this.serviceUnavailableShare = share(share);
        return this;
    }

    public FaultInjection connectionResets(double share) {
        this.connectionResetShare = share(share);
        return this;
    }

    public FaultInjection malformedBodies(double share) {
        this.malformedBodyShare = share(share);
        return this;
    }

    public FaultInjection truncatedBodies(double share) {
        this.truncatedBodyShare = share(share);
        return this;
    }

    /** Each session serves this many calls, then answers fault 5 until a new login; 0 for never. */
    public FaultInjection expireSessionsAfterCalls(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("A number of calls cannot be negative: " + calls);
        }
        this.sessionCallLimit = calls;
        return this;
    }

    /** The next {@code requests} HTTP requests get {@code fault}, after any already scripted. */
    public FaultInjection failNext(int requests, HttpFault fault) {
        synchronized (scripted) {
            for (int i = 0; i < requests; i++) {
                scripted.addLast(fault);
            }
        }
        return this;
    }

    /** The next {@code requests} HTTP requests answer 503. */
    public FaultInjection failNextWith503(int requests) {
        return failNext(requests, HttpFault.SERVICE_UNAVAILABLE);
    }

    /** Restarts the random draws from this seed. */
    public synchronized FaultInjection seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Everything off: no latency, no shares, no scripted faults, no session limit. */
    public FaultInjection clear() {
        latencyMillis = 0;
        serviceUnavailableShare = 0;
        connectionResetShare = 0;
        malformedBodyShare = 0;
        truncatedBodyShare = 0;
        sessionCallLimit = 0;
        synchronized (scripted) {
            scripted.clear();
        }
        return this;
    }

    /** How many requests got this fault so far. */
    public long injected(HttpFault fault) {
        return injected.get(fault).get();
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public int sessionCallLimit() {
        return sessionCallLimit;
    }

    /** The fault for the next request: a scripted one first, else a draw over the shares. */
    HttpFault next() {
        HttpFault fault;
        synchronized (scripted) {
            fault = scripted.pollFirst();
        }
        if (fault == null) {
            fault = draw();
        }
        injected.get(fault).incrementAndGet();
        return fault;
    }

    private synchronized HttpFault draw() {
        double total = serviceUnavailableShare + connectionResetShare + malformedBodyShare + truncatedBodyShare;
        if (total <= 0) {
            return HttpFault.NONE;
        }
        double u = random.nextDouble();
        double bound = serviceUnavailableShare;
        if (u < bound) {
            return HttpFault.SERVICE_UNAVAILABLE;
        }
        bound += connectionResetShare;
        if (u < bound) {
            return HttpFault.CONNECTION_RESET;
        }
        bound += malformedBodyShare;
        if (u < bound) {
            return HttpFault.MALFORMED_BODY;
        }
        bound += truncatedBodyShare;
        return u < bound ? HttpFault.TRUNCATED_BODY : HttpFault.NONE;
    }

    private static double share(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("A share is between 0 and 1, not " + share);
        }
        return share;
    }
}
