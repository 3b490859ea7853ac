package io.connector.api.job;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Delays jobs. A job delayed inside a store transaction (a listener's, another job's) is written
 * in that transaction: it exists if and only if the transaction commits.
 *
 * <pre>
 * String uuid = queue.job("import_record").arg("external_id", "136").priority(5).delay();
 * queue.chain(queue.job("import_batch"), queue.group(queue.job("a"), queue.job("b")), queue.job("report")).delay();
 * </pre>
 */
@ProviderType
public interface JobQueue {

    /** A job of a registered function, to set up then {@link JobBuilder#delay()}. */
    JobBuilder job(String function);

    /** Each step waits until the one before it is done. */
    JobGraph chain(JobStep... steps);

    /** The steps run independently; what follows the group waits for all of them. */
    JobGraph group(JobStep... steps);
}
