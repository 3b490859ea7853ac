package io.connector.jobs.internal;

import java.util.Map;
import java.util.Optional;

import io.connector.api.job.JobContext;
import io.connector.api.job.JobQueue;
import io.connector.api.store.StoreSession;

/** What a running job (delayed or run now) sees. */
public record JobRunContext(String uuid, String function, Map<String, Object> args, String backend, int retry,
        StoreSession session, JobQueue queue) implements JobContext {

    @Override
    public Optional<String> backendId() {
        return Optional.ofNullable(backend);
    }
}
