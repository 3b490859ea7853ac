package io.connector.core.internal.shell;

import java.util.List;

import io.connector.api.BackendRecord;
import io.connector.core.internal.backend.BackendDirectory;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Names of the configured backend records. */
@Service
public class BackendRecordCompleter implements Completer {

    @Reference
    BackendDirectory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(directory.all().stream().map(BackendRecord::name).toList())
                .complete(session, commandLine, candidates);
    }
}
