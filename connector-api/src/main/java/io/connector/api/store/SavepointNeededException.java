package io.connector.api.store;

/**
 * Work run with {@link StoreSession#withoutSavepoint} failed after it had changed the database
 * (or a statement of it failed, which on PostgreSQL ends the whole transaction): only a rollback,
 * or one to a savepoint set before the work, undoes it. The work's own failure is the cause.
 */
public class SavepointNeededException extends StoreException {

    private static final long serialVersionUID = 1L;

    public SavepointNeededException(String message, Throwable cause) {
        super(message, cause);
    }
}
