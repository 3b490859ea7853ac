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
        String node = config.node_id().isBlank() ? defaultNodeId(hostName(), System.getProperty("karaf.data")) : config.node_id();
        return new RunnerSettings(node, node + "#" + UUID.randomUUID().toString().substring(0, 8),
                config.threads() > 0 ? config.threads() : rootCapacity, Math.max(1, config.batch_size()),
                config.lease_seconds(), config.poll_interval_ms(), config.reap_interval_seconds(), config.retention_days());
    }

    /**
     * The host name, and in a Karaf a short digest of its data folder: two Karaf instances on one
     * host are two nodes. With the host name alone, the one that restarts would take back the
     * jobs the other is running, as its own from before the restart, and both would run them.
     */
    static String defaultNodeId(String host, String dataFolder) {
        if (dataFolder == null || dataFolder.isBlank()) {
            return host;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    java.nio.file.Path.of(dataFolder).toAbsolutePath().normalize().toString()
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return host + "-" + java.util.HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
