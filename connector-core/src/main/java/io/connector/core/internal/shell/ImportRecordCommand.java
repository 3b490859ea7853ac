package io.connector.core.internal.shell;

import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.job.JobQueue;
import io.connector.core.sync.AbstractBatchImporter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "import-record", description = "Imports one remote record now, as its import job would")
public class ImportRecordCommand implements Action {

    @Reference
    BackendRecords backends;

    @Reference
    JobQueue jobs;

    @Option(name = "--force", aliases = "-f", description = "Import even when the binding is newer than the remote record")
    boolean force;

    @Option(name = "--delay", description = "Delay a job instead of importing now; prints its uuid")
    boolean delay;

    @Argument(index = 0, name = "backend", required = true, description = "The backend record's name or id")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Argument(index = 1, name = "model", required = true, description = "The binding model, e.g. magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    @Argument(index = 2, name = "external-id", required = true, description = "The record's id in the backend")
    String externalId;

    @Override
    public Object execute() throws Exception {
        BackendRecord record = backends.get(backend);
        var job = jobs.job(AbstractBatchImporter.IMPORT_RECORD)
                .args(Map.of("backend_id", record.id(), "model", model, "external_id", externalId, "force", force))
                .backend(record.id()).description("Import " + model + " " + externalId + " from " + record.name());
        // Both go through the job function, so that the shell and the queue import a record the same way.
        System.out.println(delay ? "Job " + job.delay() : job.runNow());
        return null;
    }
}
