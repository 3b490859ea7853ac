package io.connector.api.job;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work the queue runs: a service whose {@value #NAME} property is its stable name, e.g.
 * {@code import_record}. It runs inside a store transaction that also marks the job done, so
 * what it writes to the store is kept exactly when the job ends done.
 *
 * <p>It signals {@link RetryableJobException} to be retried later and
 * {@link NothingToDoException} to end done without a result; any other exception fails the
 * job, which keeps its class, message and stack trace.
 */
@ConsumerType
public interface JobFunction {

    /** Service property: the function's stable name. Required. */
    String NAME = "job.function";

    /** Service property: the default channel of its jobs, e.g. {@code root.magento}. Default {@code root}. */
    String CHANNEL = "job.channel";

    /** Service property: seconds after which a running job is interrupted and retried. Default 3600. */
    String TIMEOUT = "job.timeout";

    /** Service property: retry delays, e.g. {@code 1:60,2:180,3:10,5:300} or {@code 1:10-60}. */
    String RETRY_PATTERN = "job.retry.pattern";

    /** Service property: the default description of its jobs. */
    String DESCRIPTION = "job.description";

    /** Does the work; the result (may be null) is kept on the job as text. */
    Object run(JobContext context) throws Exception;
}
