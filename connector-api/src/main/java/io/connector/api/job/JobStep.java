package io.connector.api.job;

import org.osgi.annotation.versioning.ProviderType;

/** A job or a graph of jobs: what {@link JobQueue#chain} and {@link JobQueue#group} combine. */
@ProviderType
public interface JobStep {

    /** A graph where {@code next} waits until this step is done. */
    JobGraph onDone(JobStep next);
}
