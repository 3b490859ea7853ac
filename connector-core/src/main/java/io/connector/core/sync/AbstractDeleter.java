package io.connector.core.sync;

import io.connector.api.job.RetryableJobException;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.Deleter;
import io.connector.api.unit.RemoteRecordNotFoundException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Deletes a remote record from its external id, through the model's backend adapter: what is
 * left to do once the local record and its binding are gone. A record already gone remotely is
 * nothing to do; an import of the same record running meanwhile makes this retry soon.
 */
@ConsumerType
public abstract class AbstractDeleter extends AbstractUnit implements Deleter {

    @Override
    public String run(String externalId) {
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("No external id to delete from backend " + backendRecord().name());
        }
        return environment().store().inTransaction(session -> {
            if (!session.tryLock(AbstractRecordImporter.lockKey(model(), backendRecord().id(), externalId))) {
                throw new RetryableJobException(describe(externalId) + " is being imported by another job; its deletion is "
                        + "retried in " + AbstractExporter.LOCKED_RETRY.toSeconds() + " s", AbstractExporter.LOCKED_RETRY, true);
            }
            try {
                deleteRemote(externalId);
            } catch (RemoteRecordNotFoundException e) {
                return "Already gone: " + describe(externalId);
            }
            return "Deleted " + describe(externalId);
        });
    }

    protected void deleteRemote(String externalId) {
        unit(BackendAdapter.class).delete(externalId);
    }

    /** e.g. "magento.res.partner 136 of backend shop". */
    protected final String describe(String externalId) {
        return model() + " " + externalId + " of backend " + backendRecord().name();
    }
}
