package io.connector.core.internal.shell;

import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Checkpoints;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "checkpoints", description = "Lists what people must review")
public class CheckpointsCommand implements Action {

    @Reference
    RecordStore store;

    @Reference
    BackendRecords backends;

    @Option(name = "--backend", aliases = "-b", description = "Only this backend record's")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Option(name = "--state", aliases = "-s", description = "need-review (default), reviewed or all")
    @Completion(value = StringsCompleter.class, values = {"need-review", "reviewed", "all"})
    String state = "need-review";

    @Override
    public Object execute() {
        if (!List.of("need-review", "reviewed", "all").contains(state)) {
            throw new IllegalArgumentException("Invalid --state '" + state + "': need-review, reviewed or all");
        }
        BackendRecord record = backend == null ? null : backends.get(backend);
        List<Map<String, Object>> rows = store.inTransaction(s -> {
            Query query = s.query(Checkpoints.MODEL);
            if (record != null) {
                query.where("backend_id", "=", record.id());
            }
            if (!state.equals("all")) {
                query.where("state", "=", state);
            }
            return query.order("id").read();
        });
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Backend");
        table.column("Model");
        table.column("Record");
        table.column("Message");
        table.column("State");
        table.column("Created (UTC)");
        table.column("Reviewed by");
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("backend_id");
            String name = backends.find(id).map(BackendRecord::name).orElse(id);
            table.addRow().addContent(row.get("id"), name, row.get("model"), row.get("record_id"), row.get("message"),
                    row.get("state"), row.get("create_date"), row.get("reviewed_by"));
        }
        table.emptyTableText("No checkpoints" + (state.equals("all") ? "" : " in state " + state));
        table.print(System.out);
        return null;
    }
}
