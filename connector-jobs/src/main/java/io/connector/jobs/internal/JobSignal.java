package io.connector.jobs.internal;

import org.osgi.service.component.annotations.Component;

/**
 * "Look for jobs now": raised after a commit that delayed jobs, after an operator released some,
 * and when a thread of the runner is free; the runner's dispatcher waits on it between claims.
 * It is what the queue, the operators' side and the runner share instead of referring to each
 * other.
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
}
