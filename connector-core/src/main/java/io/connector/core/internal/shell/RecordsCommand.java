package io.connector.core.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Service
@Command(scope = "connector", name = "records", description = "Lists the records of a model of the local store, by id; "
        + "dates and datetimes are UTC")
public class RecordsCommand implements Action {

    @Reference
    RecordStore store;

    @Option(name = "--where", aliases = "-w", multiValued = true, description = "FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT "
            + "(contains TEXT, ignoring case; % in TEXT is a wildcard), repeated for several conditions that all hold. "
            + "An empty VALUE or null means no value; a many2many takes FIELD=ID only")
    List<String> where;

    @Option(name = "--fields", aliases = "-f", description = "The fields to show, comma-separated (default: all but one2many and binary)")
    String fields;

    @Option(name = "--limit", aliases = "-n", description = "At most this many (default 100)")
    int limit = 100;

    @Option(name = "--count", aliases = "-c", description = "Print only how many records match")
    boolean count;

    @Option(name = "--json", description = "Print one JSON array of objects, field name to value, and nothing else")
    boolean json;

    @Argument(index = 0, name = "model", required = true, description = "A model, e.g. res.partner or magento.res.partner")
    @Completion(StoreModelCompleter.class)
    String model;

    /** The records read, and how many match in all when there are more than the limit let through. */
    private record Page(List<Map<String, Object>> records, long total) {
    }

    @Override
    public Object execute() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be 1 or more, not " + limit);
        }
        RecordsQuery query = RecordsQuery.of(store, model);
        List<RecordsQuery.Condition> conditions = new ArrayList<>();
        if (where != null) {
            where.forEach(w -> conditions.add(query.condition(w)));
        }
        if (count) {
            if (fields != null || json) {
                throw new IllegalArgumentException("--count prints a number: it takes --where, not --fields or --json");
            }
            long matching = store.inTransaction(s -> {
                Query search = s.query(model);
                conditions.forEach(c -> c.addTo(search));
                return search.count();
            });
            System.out.println(matching);
            return null;
        }
        List<String> columns = query.columns(fields);
        String[] read = columns.stream().filter(c -> !c.equals("id")).toArray(String[]::new);
        Page page = store.inTransaction(s -> {
            Query search = s.query(model);
            conditions.forEach(c -> c.addTo(search));
            List<Map<String, Object>> records = search.order("id").limit(limit).read(read);
            return new Page(records, records.size() < limit || json ? records.size() : search.count());
        });
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> record : page.records()) {
            Map<String, Object> values = new LinkedHashMap<>();
            columns.forEach(column -> values.put(column, record.get(column)));
            shown.add(values);
        }
        if (json) {
            System.out.println(JsonRecords.write(shown));
            return null;
        }
        ShellTable table = new ShellTable();
        columns.forEach(column -> table.column(column).maxSize(60));
        for (Map<String, Object> values : shown) {
            table.addRow().addContent(values.values().stream().map(JsonRecords::cell).toArray());
        }
        table.emptyTableText("No " + model + " records" + (conditions.isEmpty() ? "" : " match"));
        table.print(System.out);
        if (page.total() > shown.size()) {
            System.out.println("The first " + shown.size() + " of " + page.total() + "; --limit shows more");
        }
        return null;
    }
}
