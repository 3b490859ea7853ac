package io.connector.core.internal.shell;

import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "connector", name = "record-delete", description = "Deletes one record of the local store; "
        + "record listeners hear it as they hear Java code (it may be exported)")
public class RecordDeleteCommand implements Action {

    @Reference
    RecordStore store;

    @Argument(index = 0, name = "model", required = true, description = "A model, e.g. res.partner or magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    @Argument(index = 1, name = "id", required = true, description = "The record's id")
    long id;

    @Override
    public Object execute() {
        // Looked up for the error only, worded as in the other record commands; the store names a missing record.
        ModelFields.of(store, model);
        store.inTransaction(s -> {
            s.delete(model, id);
            return null;
        });
        System.out.println("Deleted " + model + " " + id);
        return null;
    }
}
