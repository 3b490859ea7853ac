package io.connector.api.job;

import java.util.Map;
import java.util.Optional;

import io.connector.api.store.StoreSession;
import org.osgi.annotation.versioning.ProviderType;

/** What a running job knows about itself. */
@ProviderType
public interface JobContext {

    String uuid();

    String function();

    /** The arguments, as JSON gave them back: maps, lists, strings, numbers, booleans, nulls. */
    Map<String, Object> args();

    /** The backend record the job works for, if it was given one. */
    Optional<String> backendId();

    /** How many times it was tried before this run. */
    int retry();

    /** The job's store transaction: what is written through it commits with the job's end. */
    StoreSession session();

    /** The queue, to delay further jobs in the same transaction. */
    JobQueue queue();
}
