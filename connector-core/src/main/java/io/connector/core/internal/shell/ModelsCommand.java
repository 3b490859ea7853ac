package io.connector.core.internal.shell;

import io.connector.api.store.FieldInfo;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.RecordStore;
import io.connector.api.store.StoreException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "models", description = "Lists the models of the record store, or one model's fields")
public class ModelsCommand implements Action {

    @Reference
    RecordStore store;

    @Argument(index = 0, name = "model", description = "Show this model's fields")
    @Completion(StoreModelCompleter.class)
    String model;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        if (model == null) {
            table.column("Model");
            table.column("Binds");
            table.column("Fields");
            table.column("Declared by");
            for (ModelInfo info : store.models()) {
                table.addRow().addContent(info.name(), info.bindingOf().orElse(""), info.fields().size(),
                        String.join(", ", info.declaredBy()));
            }
        } else {
            ModelInfo info = store.model(model).orElseThrow(() -> new StoreException("Unknown model '" + model
                    + "'. Declared models: " + String.join(", ", store.models().stream().map(ModelInfo::name).toList())));
            table.column("Field");
            table.column("Type");
            table.column("Relation");
            table.column("Required");
            table.column("Label");
            table.column("Declared by");
            for (FieldInfo field : info.fields().values()) {
                table.addRow().addContent(field.name(), field.type(),
                        field.relation().orElse(field.selection().isEmpty() ? "" : String.join("|", field.selection())),
                        field.required() ? "yes" : "", field.label(), field.declaredBy());
            }
        }
        table.print(System.out);
        store.modelProblems().forEach(problem -> System.out.println("WARNING: " + problem));
        return null;
    }
}
