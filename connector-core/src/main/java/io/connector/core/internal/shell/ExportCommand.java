package io.connector.core.internal.shell;

import java.util.Arrays;
import java.util.List;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.core.internal.exports.ExportLauncher;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "export", description = "Exports one record now, as its export job would, or delays "
        + "that job")
public class ExportCommand implements Action {

    @Reference
    BackendRecords backends;

    @Reference
    ExportLauncher exports;

    @Option(name = "--delay", description = "Delay a job instead of exporting now; prints its uuid")
    boolean delay;

    @Option(name = "--fields", description = "Only these changed fields, comma-separated (default: the whole record)")
    String fields;

    @Argument(index = 0, name = "backend", required = true, description = "The backend record's name or id")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Argument(index = 1, name = "model", required = true, description = "A binding model (e.g. magento.sale.order) and a "
            + "binding id, or a local model (sale.order) and a record id, whose binding on the backend is exported")
    @Completion(StoreModelCompleter.class)
    String model;

    @Argument(index = 2, name = "id", required = true, description = "The binding's or the record's id")
    long id;

    @Override
    public Object execute() throws Exception {
        BackendRecord record = backends.get(backend);
        List<String> changed = fields == null || fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        ExportLauncher.Binding binding = exports.binding(record, model, id, changed);
        var job = exports.job(record, binding, changed, "shell");
        // Both go through the job function, so that the shell and the queue export a record the same way.
        System.out.println(delay ? "Job " + job.delay() : job.runNow());
        return null;
    }
}
