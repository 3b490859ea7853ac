package io.connector.core.internal.shell;

import java.util.List;

import io.connector.core.internal.imports.ImportLauncher;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** The imports declared for any backend service: the names an operator can type after a backend. */
@Service
public class ImportNameCompleter implements Completer {

    @Reference
    ImportLauncher launcher;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(launcher.names()).complete(session, commandLine, candidates);
    }
}
