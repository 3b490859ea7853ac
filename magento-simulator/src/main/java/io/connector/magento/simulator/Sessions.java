package io.connector.magento.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The API sessions login opens: a 32-hex id like Magento's. A session that has served the
 * number of calls {@link FaultInjection#expireSessionsAfterCalls} allows is dropped, and every
 * later use answers fault 5 until the client logs in again, as when Magento's session store
 * forgets one.
 */
final class Sessions {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final IntSupplier callLimit;

    /** @param callLimit how many calls a session may serve, 0 for no limit; read at each call */
    Sessions(IntSupplier callLimit) {
        this.callLimit = callLimit;
    }

    String open() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        open.put(id, new AtomicInteger());
        return id;
    }

    /** Counts one call on the session; fault 5 when it is unknown or has served its calls. */
    void use(String id) throws ApiFault {
        AtomicInteger calls = id == null ? null : open.get(id);
        if (calls == null) {
            throw ApiFault.sessionExpired();
        }
        int limit = callLimit.getAsInt();
        if (limit > 0 && calls.incrementAndGet() > limit) {
            open.remove(id);
            throw ApiFault.sessionExpired();
        }
    }

    void end(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    void expireAll() {
        open.clear();
    }

    int count() {
        return open.size();
    }
}
