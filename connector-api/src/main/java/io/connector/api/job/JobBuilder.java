package io.connector.api.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** One job being set up. Defaults: priority 10, now, 5 retries, the function's channel and description. */
@ProviderType
public interface JobBuilder extends JobStep {

    /** Arguments, serialized as JSON: maps, lists, strings, numbers, booleans, nulls, dates. */
    JobBuilder args(Map<String, ?> args);

    JobBuilder arg(String name, Object value);

    /** Lower runs first. */
    JobBuilder priority(int priority);

    /** Not before this moment. */
    JobBuilder eta(Instant eta);

    /** Not before this long from now. */
    JobBuilder after(Duration delay);

    /** 0 for unlimited. */
    JobBuilder maxRetries(int maxRetries);

    JobBuilder description(String description);

    JobBuilder channel(String channel);

    /**
     * While a job with this key is waiting, pending, claimed or started, delaying another returns
     * its uuid instead; the database enforces it. Setting it replaces a
     * {@link #pendingIdentityKey}.
     */
    JobBuilder identityKey(String key);

    /**
     * Like {@link #identityKey}, but only until a worker takes the job: while it waits or is
     * pending, delaying another with this key returns its uuid; once it is claimed, another is a
     * new job. For work that must see what changed while it ran, e.g. the export of a record's
     * latest values: a write made during the export delays the next one. Setting it replaces an
     * {@link #identityKey}.
     */
    JobBuilder pendingIdentityKey(String key);

    /** The backend record it works for: shown in job lists, set in the logging MDC. */
    JobBuilder backend(String backendId);

    /** Writes the job; returns its uuid (or the uuid of the job with the same identity key). */
    String delay();

    /**
     * Writes the job as failed already, with {@code error}, instead of running it: for work that
     * was tried elsewhere and failed in a way its own run would only repeat (a record a chunk
     * rolled back for bad data). It counts its one try; it is listed, reported, counted and
     * retried ({@code connector:job-retry}) as any failed job, and a retry runs it. Returns its
     * uuid; when the identity key matches an active job, that job is left as it is and its uuid
     * returned. Joins the caller's store transaction.
     */
    String delayFailed(Throwable error);

    /** Runs the function now, in the caller's thread and store transaction, instead of delaying it. */
    Object runNow() throws Exception;
}
