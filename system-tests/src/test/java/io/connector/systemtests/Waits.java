package io.connector.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Polling with a deadline; a wait that ends without its answer names what it waited for and the log to read. */
final class Waits {

    private Waits() {
    }

    /**
     * Calls {@code probe} every 200 ms until it answers non-null, and returns that. An exception of
     * the probe is remembered and the probe called again (a node that is starting may not answer
     * yet), except an {@link AssertionError}, which ends the wait.
     */
    static <T> T await(String what, Duration timeout, Path log, Callable<T> probe) throws InterruptedException {
        return await(what, timeout, log, Duration.ofMillis(200), probe);
    }

    /** The same, pausing {@code pause} between two calls (zero: a probe that takes its own time). */
    static <T> T await(String what, Duration timeout, Path log, Duration pause, Callable<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                T answer = probe.call();
                if (answer != null) {
                    return answer;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what
                        + (last == null ? "" : " (last error: " + last + ")") + "; see " + log, last);
            }
            Thread.sleep(pause.toMillis());
        }
    }
}
