package io.connector.core.internal;

import java.util.Map;
import java.util.Optional;

import io.connector.api.job.JobContext;
import io.connector.api.job.JobQueue;
import io.connector.api.store.StoreSession;

/** What a job function is given when the runner runs it, made by hand. */
public record TestJobContext(String uuid, String function, Map<String, Object> args, Optional<String> backendId, int retry,
        StoreSession session, JobQueue queue) implements JobContext {

    /** A first run, outside any job transaction. */
    public static TestJobContext of(String function, Map<String, Object> args, JobQueue queue) {
        Object backend = args.get("backend_id");
        return new TestJobContext("job-1", function, args, Optional.ofNullable(backend).map(Object::toString), 0, null, queue);
    }
}
