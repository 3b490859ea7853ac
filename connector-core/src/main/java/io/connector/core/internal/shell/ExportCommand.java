package io.connector.core.internal.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.job.JobQueue;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.core.sync.ExportJobs;
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
    RecordStore store;

    @Reference
    JobQueue jobs;

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
        ModelInfo info = store.model(model).orElseThrow(() -> new ConnectorException("No model " + model
                + " in the store; connector:models lists them"));
        List<String> changed = fields == null || fields.isBlank() ? List.of()
                : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
        for (String field : changed) {
            if (!info.fields().containsKey(field) && !boundFields(info).contains(field)) {
                throw new ConnectorException("Model " + model + " has no field '" + field + "'");
            }
        }
        Binding binding = isBinding(info) ? new Binding(model, id) : bindingOf(record, info);
        var job = ExportJobs.export(jobs, record.id(), binding.model(), binding.id(), changed)
                .description("Export " + binding.model() + " " + binding.id() + " to " + record.name() + " (shell)");
        // Both go through the job function, so that the shell and the queue export a record the same way.
        System.out.println(delay ? "Job " + job.delay() : job.runNow());
        return null;
    }

    private record Binding(String model, long id) {
    }

    private static boolean isBinding(ModelInfo info) {
        return info.bindingOf().isPresent() || info.fields().containsKey("external_id") && info.fields().containsKey("backend_id");
    }

    private List<String> boundFields(ModelInfo info) {
        return info.bindingOf().flatMap(store::model).map(bound -> List.copyOf(bound.fields().keySet())).orElse(List.of());
    }

    /** The binding of local record {@link #id} on the backend, in the one binding model of its model that has it. */
    private Binding bindingOf(BackendRecord record, ModelInfo info) {
        List<String> bindingModels = store.models().stream().filter(m -> m.bindingOf().equals(Optional.of(info.name())))
                .map(ModelInfo::name).sorted().toList();
        if (bindingModels.isEmpty()) {
            throw new ConnectorException("Model " + info.name() + " is bound to no backend model: nothing exports it");
        }
        List<Binding> found = new ArrayList<>();
        store.inTransaction(s -> {
            if (s.read(info.name(), id).isEmpty()) {
                throw new ConnectorException("No " + info.name() + " " + id);
            }
            for (String bindingModel : bindingModels) {
                s.query(bindingModel).where("backend_id", "=", record.id()).where("record_id", "=", id).ids()
                        .forEach(binding -> found.add(new Binding(bindingModel, binding)));
            }
            return null;
        });
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty() && bindingModels.size() == 1) {
            long created = store.inTransaction(s -> s.noExport().create(bindingModels.get(0),
                    Map.of("backend_id", record.id(), "record_id", id)));
            return new Binding(bindingModels.get(0), created);
        }
        throw new ConnectorException(info.name() + " " + id + " has " + (found.isEmpty() ? "no binding" : found.size() + " bindings")
                + " on backend " + record.name() + " among " + bindingModels + ": name the binding model and the binding id");
    }
}
