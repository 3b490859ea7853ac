package io.connector.core.internal.shell;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.connector.core.internal.resolver.Candidate;
import io.connector.core.internal.resolver.DeclaredBackend;
import io.connector.core.internal.resolver.RegistrySnapshot;
import io.connector.core.internal.resolver.RegistrySnapshot.TypeAndModel;
import io.connector.core.internal.resolver.Resolution;
import io.connector.core.internal.resolver.UnitDescriptor;
import io.connector.core.internal.resolver.UnitRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/**
 * For each (type, model) a backend can look up: the unit that wins, every candidate it beat and
 * why. What the resolver would answer, explained.
 */
@Service
@Command(scope = "connector", name = "units", description = "Shows which unit serves each type and model on a backend, and why")
public class UnitsCommand implements Action {

    @Reference
    UnitRegistry registry;

    @Option(name = "--backend", aliases = "-b", description = "Backend name, e.g. magento/1.7 (default: every backend)")
    @Completion(BackendNameCompleter.class)
    String backend;

    @Option(name = "--model", aliases = "-m", description = "Only this model")
    @Completion(ModelCompleter.class)
    String model;

    @Option(name = "--type", aliases = "-t", description = "Only this unit type: simple or full interface name")
    @Completion(UnitTypeCompleter.class)
    String type;

    @Override
    public Object execute() {
        RegistrySnapshot snapshot = registry.current();
        List<DeclaredBackend> backends = backend == null ? List.copyOf(snapshot.backends())
                : List.of(snapshot.backend(backend).orElseThrow(
                        () -> new IllegalArgumentException(snapshot.unknownBackendMessage(backend))));
        String fullType = type == null ? null : UnitTypes.fullName(snapshot, type);
        if (model != null && UnitTypes.models(snapshot).stream().noneMatch(model::equals)) {
            throw new IllegalArgumentException("Unknown model '" + model + "': no installed unit serves it. Models served: "
                    + String.join(", ", UnitTypes.models(snapshot)));
        }
        for (DeclaredBackend b : backends) {
            print(snapshot, b, fullType);
        }
        snapshot.unitProblems().forEach(problem -> System.out.println("WARNING: " + problem));
        return null;
    }

    private void print(RegistrySnapshot snapshot, DeclaredBackend b, String fullType) {
        Set<TypeAndModel> lookups = new TreeSet<>(snapshot.lookupsFor(b));
        lookups.removeIf(l -> (fullType != null && !l.type().equals(fullType)) || (model != null && !l.model().equals(model)));
        System.out.println("Backend " + b.name() + " (" + b.chain().stream().map(x -> x.name())
                .collect(Collectors.joining(" -> ")) + ")");
        if (lookups.isEmpty()) {
            System.out.println("  no units");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Type");
        table.column("Model");
        table.column("Unit");
        table.column("Level");
        table.column("Bundle");
        table.column("Status");
        StringBuilder warnings = new StringBuilder();
        for (TypeAndModel lookup : lookups) {
            Resolution resolution = snapshot.resolve(b.name(), lookup.type(), lookup.model());
            for (Candidate c : resolution.candidates()) {
                UnitDescriptor unit = c.unit();
                table.addRow().addContent(UnitTypes.simpleName(lookup.type()), lookup.model(), unit.name(), c.level(),
                        unit.bundle(), c.label());
            }
            resolution.error().ifPresent(error -> warnings.append("WARNING: ").append(error).append(System.lineSeparator()));
        }
        table.print(System.out);
        System.out.print(warnings);
    }
}
