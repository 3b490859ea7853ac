package io.connector.core.internal.shell;

import io.connector.api.BackendRecord;
import io.connector.core.internal.backend.BackendDirectory;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "backend-list", description = "Lists the configured backend records (never their passwords)")
public class BackendListCommand implements Action {

    @Reference
    BackendDirectory directory;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Backend");
        table.column("Location");
        table.column("Username");
        table.column("Id");
        table.column("Status");
        for (BackendRecord record : directory.all()) {
            table.addRow().addContent(record.name(), directory.backendName(record), record.location(), record.username(),
                    record.id(), directory.status(record));
        }
        table.emptyTableText("No backend is configured: connector:backend-add NAME BACKEND --location URL ...");
        table.print(System.out);
        return null;
    }
}
