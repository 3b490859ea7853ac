package io.connector.jobs.internal.runner;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The jobs this node holds, shared by the dispatcher that claims them, the threads that run
 * them and the heartbeat that keeps their leases: all of them by id, and those waiting for a
 * thread in claim order.
 */
final class LocalJobs {

    final Map<Long, HeldJob> held = new ConcurrentHashMap<>();
    final BlockingQueue<HeldJob> ready = new LinkedBlockingQueue<>();

    void hold(HeldJob job) {
        held.put(job.job.id(), job);
        ready.add(job);
    }

    void release(HeldJob job) {
        held.remove(job.job.id());
    }
}
