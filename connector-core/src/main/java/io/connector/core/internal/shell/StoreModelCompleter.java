package io.connector.core.internal.shell;

import java.util.List;

import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Names of the models of the record store. */
@Service
public class StoreModelCompleter implements Completer {

    @Reference
    RecordStore store;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(store.models().stream().map(ModelInfo::name).toList())
                .complete(session, commandLine, candidates);
    }
}
