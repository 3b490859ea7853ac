package io.connector.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records something a person must review (a new store view, a category that could not be
 * matched); operators list them with {@code connector:checkpoints} and mark them reviewed.
 */
@ProviderType
public interface Checkpoints {

    /** The model checkpoints are stored as. */
    String MODEL = "connector.checkpoint";

    /**
     * Adds a checkpoint in state {@code need-review}, in the caller's store transaction if one is open.
     *
     * @param recordId the record to review, or null for a message alone
     * @return the checkpoint's id
     */
    long add(BackendRecord backend, String model, Long recordId, String message);

    /** Marks a checkpoint reviewed by {@code who}; an unknown id is an error. */
    void review(long id, String who);
}
