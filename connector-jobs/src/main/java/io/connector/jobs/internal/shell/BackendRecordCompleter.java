package io.connector.jobs.internal.shell;

import java.util.List;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Names of the configured backend records, for {@code connector:jobs --backend}. */
@Service
public class BackendRecordCompleter implements Completer {

    @Reference
    BackendRecords backends;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = backends.all().stream().map(BackendRecord::name).toList();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
