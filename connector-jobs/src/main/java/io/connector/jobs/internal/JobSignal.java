package io.connector.jobs.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

/**
 * "Look for jobs now": raised after a commit that delayed jobs, after an operator released some,
 * and when a thread of the runner is free; the runner's dispatcher waits on it between claims.
 * It is what the queue, the operators' side and the runner share instead of referring to each
 * other. Apart from it, "jobs ended here": raised after each batch of jobs this node ran ended,
 * for a waiter near the end of what it waits for ({@link JobWaiter}), and waking only those.
 */
@Component(service = JobSignal.class)
public final class JobSignal {

    private final Object lock = new Object();
    private boolean raised;

    public void raise() {
        synchronized (lock) {
            raised = true;
            lock.notifyAll();
        }
    }

    /** Waits until raised or {@code millis} passed, and lowers it. */
    public void await(long millis) throws InterruptedException {
        synchronized (lock) {
            if (!raised && millis > 0) {
                lock.wait(millis);
            }
            raised = false;
        }
    }

    private final Object endLock = new Object();
    private long endings;

    /** A batch of jobs this node ran has ended (committed or not). */
    public void ended() {
        synchronized (endLock) {
            endings++;
            endLock.notifyAll();
        }
    }

    /** How many batches have ended so far, for {@link #awaitEnd}. */
    public long endings() {
        synchronized (endLock) {
            return endings;
        }
    }

    /** Waits until a batch ends after {@code seen} ({@link #endings}) was read, or {@code nanos} passed. */
    public void awaitEnd(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (endLock) {
            long left;
            while (endings == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(endLock, left);
            }
        }
    }
}
