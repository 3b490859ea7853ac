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

    @Argument(index = 1, name = "ids", required = true, description = "The record's id, or several: 12,15,20-40")
    String id;

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
        List<Long> ids = ids(id);
        // One transaction: every record is written, or none; each fires its own write event.
        store.inTransaction(s -> {
            s.write(model, ids, parsed);
            return null;
        });
        System.out.println("Wrote " + model + " " + (ids.size() == 1 ? ids.get(0) : ids.size() + " records (" + id + ")") + ": "
                + String.join(", ", parsed.keySet()));
        return null;
    }

    /** {@code 12}, {@code 12,15}, {@code 20-40}, or a mix: the ids, in order, once each. */
    static List<Long> ids(String text) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            try {
                int dash = item.indexOf('-', 1);
                if (dash < 0) {
                    ids.add(Long.parseLong(item));
                    continue;
                }
                long from = Long.parseLong(item.substring(0, dash).trim());
                long to = Long.parseLong(item.substring(dash + 1).trim());
                if (to < from || to - from >= 1_000_000) {
                    throw new IllegalArgumentException("The range '" + item + "' must go up, by fewer than 1,000,000 ids");
                }
                for (long id = from; id <= to; id++) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' is not a record id nor a range of them (e.g. 12,15,20-40)");
            }
        }
        return List.copyOf(ids);
    }
}
