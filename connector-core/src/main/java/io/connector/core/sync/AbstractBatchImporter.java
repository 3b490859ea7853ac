package io.connector.core.sync;

import java.util.List;
import java.util.Map;

import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RecordImporter;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds the remote records to import and imports each: now (metadata) or, by default, by
 * delaying one {@value #IMPORT_RECORD} job per record, with an identity key so that a record
 * already waiting for its import is not queued twice.
 */
@ConsumerType
public abstract class AbstractBatchImporter extends AbstractUnit implements BatchImporter {

    /** The job function that imports one record. */
    public static final String IMPORT_RECORD = "import_record";

    @Override
    public void run(Map<String, Object> filters) {
        for (String externalId : search(filters)) {
            importRecord(externalId);
        }
    }

    protected List<String> search(Map<String, Object> filters) {
        return unit(BackendAdapter.class).search(filters);
    }

    /** Delays the record's import; a subclass imports now with {@link #importNow}. */
    protected void importRecord(String externalId) {
        delayImport(externalId, 10);
    }

    protected final String importNow(String externalId) {
        return unit(RecordImporter.class).run(externalId, false);
    }

    protected final String delayImport(String externalId, int priority) {
        var job = environment().jobs().job(IMPORT_RECORD)
                .args(Map.of("backend_id", backendRecord().id(), "model", model(), "external_id", externalId))
                .backend(backendRecord().id()).priority(priority)
                .identityKey(IMPORT_RECORD + " " + backendRecord().id() + " " + model() + " " + externalId)
                .description("Import " + model() + " " + externalId + " from " + backendRecord().name());
        String channel = channel();
        if (channel != null) {
            job.channel(channel);
        }
        return job.delay();
    }

    /** The channel of the import jobs; null for the function's. */
    protected String channel() {
        return null;
    }
}
