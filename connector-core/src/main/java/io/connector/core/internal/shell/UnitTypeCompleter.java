package io.connector.core.internal.shell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.connector.core.internal.resolver.UnitRegistry;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

@Service
public class UnitTypeCompleter implements Completer {

    @Reference
    UnitRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        Set<String> strings = new TreeSet<>();
        UnitTypes.types(registry.current()).forEach(t -> { strings.add(UnitTypes.simpleName(t)); strings.add(t); });
        return new StringsCompleter(strings).complete(session, commandLine, candidates);
    }
}
