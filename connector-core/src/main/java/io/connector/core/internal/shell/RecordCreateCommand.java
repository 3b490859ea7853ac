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
@Command(scope = "connector", name = "record-create", description = "Creates a record of the local store and prints its id; "
        + "record listeners hear it as they hear Java code (it may be exported)")
public class RecordCreateCommand implements Action {

    @Reference
    RecordStore store;

    @Argument(index = 0, name = "model", required = true, description = "A model, e.g. res.partner or magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    @Argument(index = 1, name = "values", multiValued = true, description = "FIELD=VALUE, once per field: FIELD= for no value, "
            + "a many2many's ids comma-separated; fields left out take their defaults")
    @Completion(WritableFieldCompleter.class)
    List<String> values;

    @Override
    public Object execute() {
        Map<String, Object> parsed = FieldAssignments.parse(ModelFields.of(store, model), values == null ? List.of() : values);
        long id = store.inTransaction(s -> s.create(model, parsed));
        System.out.println("Created " + model + " " + id);
        return null;
    }
}
