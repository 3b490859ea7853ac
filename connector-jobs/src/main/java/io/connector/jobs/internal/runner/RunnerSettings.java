package io.connector.jobs.internal.runner;

import java.net.InetAddress;
import java.util.UUID;

import io.connector.jobs.internal.JobConfiguration;

/**
 * What this node's runner was started with: its worker name (node id plus a part of its own, so
 * that a restarted node knows its previous run's jobs by the node id), threads, batch and lease.
 */
record RunnerSettings(String node, String worker, int threads, int batchSize, int leaseSeconds, long pollIntervalMillis,
        int reapIntervalSeconds, int retentionDays) {

    static RunnerSettings of(JobConfiguration config, int rootCapacity) {
        String node = config.node_id().isBlank() ? hostName() : config.node_id();
        return new RunnerSettings(node, node + "#" + UUID.randomUUID().toString().substring(0, 8),
                config.threads() > 0 ? config.threads() : rootCapacity, Math.max(1, config.batch_size()),
                config.lease_seconds(), config.poll_interval_ms(), config.reap_interval_seconds(), config.retention_days());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
