package io.connector.api;

import java.util.Map;

import io.connector.api.store.RecordStore;
import io.connector.api.unit.Binder;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A backend record, a model and the units that serve them. An environment sees the units as
 * they were registered when it was opened, so a synchronization never works with a
 * half-replaced set; one opened later sees later changes. Environments made for other models
 * ({@link #forModel}) share that view and the attributes. Closing it releases the unit
 * instances it handed out.
 */
@ProviderType
public interface Environment extends AutoCloseable {

    BackendRecord backendRecord();

    /** The backend (descriptor) of the backend record. */
    Backend backend();

    String model();

    /** The local record store, where units read and write records in transactions. */
    RecordStore store();

    /** The job queue, to delay work (e.g. one import job per record of a batch). */
    io.connector.api.job.JobQueue jobs();

    /** The unit of this type for this environment's model. */
    <T extends ConnectorUnit> T unit(Class<T> type);

    /** The unit of this type for another model, in an environment made for that model. */
    <T extends ConnectorUnit> T unit(Class<T> type, String model);

    /** The binder of this environment's model. */
    Binder binder();

    /** The binder of another model. */
    Binder binder(String model);

    /** An environment on the same backend record and view for another model. */
    Environment forModel(String model);

    /** Attributes given when the environment was opened; propagated to environments for other models. */
    Map<String, Object> attributes();

    /** Releases the units handed out by this environment and those made from it. */
    @Override
    void close();
}
