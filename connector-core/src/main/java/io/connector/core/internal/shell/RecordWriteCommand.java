package io.connector.core.internal.shell;

import java.util.List;
import java.util.Map;

import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "record-write", description = "Writes fields of one record of the local store; "
        + "record listeners hear it as they hear Java code (it may be exported)")
public class RecordWriteCommand implements Action {

    @Reference
    RecordStore store;

    @Argument(index = 0, name = "model", required = true, description = "A model, e.g. res.partner or magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    @Argument(index = 1, name = "id", required = true, description = "The record's id")
    long id;

    @Argument(index = 2, name = "values", required = true, multiValued = true, description = "FIELD=VALUE, once per field: "
            + "FIELD= for no value, a many2many's ids comma-separated (replacing those it has)")
    @Completion(WritableFieldCompleter.class)
    List<String> values;

    @Override
    public Object execute() {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("Give the fields to write after the id: FIELD=VALUE...");
        }
        Map<String, Object> parsed = FieldAssignments.parse(ModelFields.of(store, model), values);
        store.inTransaction(s -> {
            s.write(model, id, parsed);
            return null;
        });
        System.out.println("Wrote " + model + " " + id + ": " + String.join(", ", parsed.keySet()));
        return null;
    }
}
