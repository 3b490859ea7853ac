package io.connector.core.internal.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.ConnectorException;
import io.connector.api.Exports;
import io.connector.api.job.JobBuilder;
import io.connector.api.job.JobQueue;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.core.sync.ExportJobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Finds the binding a record is exported through and makes its export job: for the shell, which
 * runs it now or delays it, and as the {@link Exports} service, which delays it.
 */
@Component(service = {ExportLauncher.class, Exports.class})
public final class ExportLauncher implements Exports {

    /** A binding: its model and id. */
    public record Binding(String model, long id) {
    }

    private final BackendRecords backends;
    private final RecordStore store;
    private final JobQueue jobs;

    @Activate
    public ExportLauncher(@Reference BackendRecords backends, @Reference RecordStore store, @Reference JobQueue jobs) {
        this.backends = backends;
        this.store = store;
        this.jobs = jobs;
    }

    @Override
    public Delayed delay(String backend, String model, long id, List<String> fields) {
        BackendRecord record = backends.get(backend);
        Binding binding = binding(record, model, id, fields);
        String uuid = job(record, binding, fields, "web console").delay();
        return new Delayed(record.name(), binding.model(), binding.id(), uuid);
    }

    /** The export job of a binding, described as asked {@code by} (the shell, the web console). */
    public JobBuilder job(BackendRecord record, Binding binding, List<String> fields, String by) {
        return ExportJobs.export(jobs, record.id(), binding.model(), binding.id(), fields)
                .description("Export " + binding.model() + " " + binding.id() + " to " + record.name() + " (" + by + ")");
    }

    /**
     * The binding to export: {@code id} itself for a binding model, else the one binding of local
     * record {@code id} on the backend, made when the model has one binding model and the record none.
     */
    public Binding binding(BackendRecord record, String model, long id, List<String> fields) {
        ModelInfo info = store.model(model).orElseThrow(() -> new ConnectorException("No model " + model
                + " in the store; connector:models lists them"));
        for (String field : fields) {
            if (!info.fields().containsKey(field) && !boundFields(info).contains(field)) {
                throw new ConnectorException("Model " + model + " has no field '" + field + "'");
            }
        }
        return isBinding(info) ? new Binding(model, id) : bindingOf(record, info, id);
    }

    private static boolean isBinding(ModelInfo info) {
        return info.bindingOf().isPresent() || info.fields().containsKey("external_id") && info.fields().containsKey("backend_id");
    }

    private List<String> boundFields(ModelInfo info) {
        return info.bindingOf().flatMap(store::model).map(bound -> List.copyOf(bound.fields().keySet())).orElse(List.of());
    }

    private Binding bindingOf(BackendRecord record, ModelInfo info, long id) {
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
