package io.connector.api.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What operators see of the job queue and do with it: the shell commands, the MBean and any
 * console go through it. Counted in the database, so every node sees the whole queue.
 */
@ProviderType
public interface JobAdmin {

    /** Jobs newest first, with the given filters (null for any); an unknown state or a limit below 1 is an error. */
    List<JobView> list(String state, String channel, String backendId, int limit);

    /** {@link #list(String, String, String, int)}, of one job function too (null for any). */
    List<JobView> list(String state, String channel, String backendId, String function, int limit);

    /** One job with its history; an unknown uuid is an error. */
    JobView get(String uuid);

    /** A failed or cancelled job back to pending, its retries counted from zero; {@code who} is recorded. */
    void retry(String uuid, String who);

    /** Every failed job back to pending; returns how many. */
    int retryFailed(String who);

    /**
     * Every postponed job of a backend (null: any), pending but due later than
     * {@link JobCounts#POSTPONED_AFTER} from now, made due now; returns how many. For orders
     * waiting for a payment rule just set, say.
     */
    int runPostponed(String backendId, String who);

    /** Cancels a job that has not run yet (or failed) and every job waiting on it; returns their uuids. */
    List<String> cancel(String uuid, String who);

    /** Sets a job done by hand, recording who; the jobs waiting on it go on. */
    void markDone(String uuid, String who);

    /** How many jobs ended done and failed in one minute. */
    record Minute(LocalDateTime minute, long done, long failed) {
    }

    /**
     * Jobs that ended done or failed since {@code since}, per minute (UTC, the minutes without any
     * left out), oldest first: what a console charts. Counted in the database, every node's jobs.
     */
    List<Minute> endedPerMinute(Instant since);

    /** Jobs per channel and state, every configured channel listed. */
    Map<String, Map<String, Long>> counts();

    /**
     * How far the jobs of a backend (null: any) created at or after {@code createdSince} (null:
     * any) got: every unfinished one, and the finished ones that ended at or after {@code endedSince}.
     */
    JobCounts count(String backendId, Instant createdSince, Instant endedSince);

    /** Up to {@code limit} failed jobs of such a set that ended at or after {@code endedSince}, in the order they ended. */
    List<JobView> failed(String backendId, Instant createdSince, Instant endedSince, int limit);

    /**
     * Waits until the jobs of a backend (null: all) created at or after {@code createdSince}
     * (null: any time) are finished, those blocked behind a failed job aside, at most
     * {@code timeout} (zero: no limit), writing progress lines every few seconds and then the
     * report (counts, the failed jobs' errors, what to do) to {@code out}, as
     * {@code connector:jobs --wait} and {@code connector:import --wait} print them.
     *
     * @param backendName how the operator named the backend, for the commands the report suggests
     * @throws io.connector.api.ConnectorException when the time ran out: it says what is still to go
     */
    void awaitAndReport(String backendId, String backendName, Instant createdSince, Duration timeout, Consumer<String> out);
}
