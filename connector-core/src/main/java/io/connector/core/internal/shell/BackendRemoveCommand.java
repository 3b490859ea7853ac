package io.connector.core.internal.shell;

import io.connector.api.BackendRecord;
import io.connector.core.internal.backend.BackendDirectory;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "backend-remove", description = "Removes a backend record's configuration; its bindings stay")
public class BackendRemoveCommand implements Action {

    @Reference
    BackendDirectory directory;

    @Argument(index = 0, name = "backend", required = true, description = "The backend record's name or id")
    @Completion(BackendRecordCompleter.class)
    String backend;

    @Override
    public Object execute() {
        BackendRecord removed = directory.remove(backend);
        System.out.println("Backend " + removed.name() + " removed; its bindings stay under id " + removed.id());
        return null;
    }
}
