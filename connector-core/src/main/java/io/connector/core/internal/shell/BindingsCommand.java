package io.connector.core.internal.shell;

import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "bindings", description = "Lists the bindings of a backend record for a binding model")
public class BindingsCommand implements Action {

    @Reference
    RecordStore store;

    @Reference
    BackendRecords backends;

    @Argument(index = 0, name = "backend", required = true, description = "The backend record's name or id")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Argument(index = 1, name = "model", required = true, description = "A binding model, e.g. magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    @Option(name = "--external-id", aliases = "-e", description = "Only the binding of this external id")
    String externalId;

    @Option(name = "--limit", aliases = "-n", description = "At most this many (default 100)")
    int limit = 100;

    @Option(name = "--json", description = "Print one JSON array of objects, field name to value, and nothing else")
    boolean json;

    @Override
    public Object execute() {
        BackendRecord record = backends.get(backend);
        ModelInfo info = store.model(model).orElseThrow(() -> new StoreException("Unknown model '" + model
                + "'. Binding models: " + String.join(", ", store.models().stream()
                        .filter(m -> m.fields().containsKey("external_id")).map(ModelInfo::name).toList())));
        if (!info.fields().containsKey("external_id")) {
            throw new IllegalArgumentException("Model " + model + " is not a binding model");
        }
        boolean wraps = info.bindingOf().isPresent();
        List<Map<String, Object>> rows = store.inTransaction(s -> {
            Query query = s.query(model).where("backend_id", "=", record.id());
            if (externalId != null) {
                query.where("external_id", "=", externalId);
            }
            return query.order("id").limit(limit).read(wraps ? new String[] {"external_id", "record_id", "sync_date", "name"}
                    : new String[] {"external_id", "sync_date"});
        });
        if (json) {
            System.out.println(JsonRecords.write(rows));
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("Binding");
        table.column("External id");
        if (wraps) {
            table.column("Record (" + info.bindingOf().get() + ")");
            table.column("Name");
        }
        table.column("Synchronized (UTC)");
        for (Map<String, Object> row : rows) {
            var cells = table.addRow();
            cells.addContent(row.get("id"), row.get("external_id"));
            if (wraps) {
                cells.addContent(row.get("record_id"), row.getOrDefault("name", ""));
            }
            cells.addContent(row.get("sync_date"));
        }
        table.emptyTableText("No " + model + " bindings for backend " + record.name());
        table.print(System.out);
        return null;
    }
}
