package io.connector.magento.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.connector.api.job.RetryableJobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How often a call that only reads is tried again after a passing network fault, and the pause
 * before the first retry; each next pause doubles, with a random part so that the threads that
 * met one fault do not come back together.
 *
 * <p>A job's own retry comes ten seconds or more later, and a chunk job makes several calls: on a
 * flaky network most chunks would otherwise spend their tries on faults that a second request a
 * moment later does not meet. A call that writes is never sent twice here: the shop may have run
 * it before its answer was lost; the job decides.
 */
public record NetworkRetries(int times, Duration backoff) {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkRetries.class);

    public static final NetworkRetries NONE = new NetworkRetries(0, Duration.ZERO);

    public NetworkRetries {
        if (times < 0 || backoff.isNegative()) {
            throw new IllegalArgumentException("Network retries " + times + " after " + backoff + ": neither can be negative");
        }
    }

    /** The pause before retry number {@code retry}, from 1: backoff × 2^(retry-1), from half to the whole of it. */
    Duration pause(int retry) {
        long full = backoff.toMillis() << Math.min(retry - 1, 10);
        return Duration.ofMillis(full / 2 + ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }

    /**
     * Runs {@code request}; when it meets a {@link NetworkFault} and {@code again} (it only reads),
     * runs it again after a pause, up to {@link #times()} more times. The last fault is thrown as a
     * plain {@link RetryableJobException} saying how many tries it took, so that no caller around
     * tries again itself. {@code backendName} and {@code what} only say what is tried, in the log.
     */
    public <T> T run(String backendName, String what, boolean again, Supplier<T> request) {
        for (int retry = 1;; retry++) {
            try {
                return request.get();
            } catch (NetworkFault fault) {
                if (!again || times == 0) {
                    throw fault;
                }
                if (retry > times) {
                    throw new RetryableJobException(fault.getMessage() + " (" + retry + " tries)", fault);
                }
                Duration pause = pause(retry);
                LOG.debug("Backend {}: {}; trying {} again in {} ms", backendName, fault.getMessage(), what, pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetryableJobException("Backend " + backendName + ": interrupted while calling " + what, e);
                }
            }
        }
    }
}
