package io.connector.core.internal.shell;

import java.util.stream.Collectors;

import io.connector.core.internal.resolver.DeclaredBackend;
import io.connector.core.internal.resolver.RegistrySnapshot;
import io.connector.core.internal.resolver.UnitRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "backends", description = "Lists the declared backends, their parent chains and the bundles that declared them")
public class BackendsCommand implements Action {

    @Reference
    UnitRegistry registry;

    @Override
    public Object execute() {
        RegistrySnapshot snapshot = registry.current();
        ShellTable table = new ShellTable();
        table.column("Backend");
        table.column("Chain");
        table.column("Declared by");
        table.column("Description");
        for (DeclaredBackend backend : snapshot.backends()) {
            table.addRow().addContent(backend.name(),
                    backend.chain().stream().map(b -> b.name()).collect(Collectors.joining(" -> ")),
                    backend.bundle(), backend.description());
        }
        table.print(System.out);
        snapshot.backendProblems().forEach(problem -> System.out.println("WARNING: " + problem));
        return null;
    }
}
