package io.connector.jobs.internal;

import java.time.LocalDateTime;

/** A job as the runner claims it: what running it needs. */
public record JobRow(long id, String uuid, String function, String args, String channel, int retry, int maxRetries,
        String backendId, Integer timeoutSeconds, String claimId, LocalDateTime createdAt, boolean hasChildren) {
}
