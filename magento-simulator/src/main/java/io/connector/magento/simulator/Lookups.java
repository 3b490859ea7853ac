package io.connector.magento.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What most API methods share: search a table with a filter, read one record or fault. */
final class Lookups {

    static final int STORE_VIEW_NOT_FOUND = 100;

    private Lookups() {
    }

    /** The ids of the records the filter argument selects, in id order. */
    static List<String> searchIds(RecordTable table, Object filterArgument) throws ApiFault {
        Filter filter = Filter.parse(filterArgument);
        return table.ids(filter::matches);
    }

    /** The record, seen from a store view when one is named, or the fault Magento answers. */
    static Map<String, Object> info(RecordTable table, String id, String storeViewId, int faultCode, String faultMessage) throws ApiFault {
        return table.get(id, storeViewId).orElseThrow(() -> new ApiFault(faultCode, faultMessage));
    }

    /** Only the named attributes, when the caller names some (info's optional attributes argument). */
    static Map<String, Object> select(Map<String, Object> record, List<String> attributes, String idField) {
        if (attributes == null) {
            return record;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        if (record.containsKey(idField)) {
            selected.put(idField, record.get(idField));
        }
        for (String attribute : attributes) {
            if (record.containsKey(attribute)) {
                selected.put(attribute, record.get(attribute));
            }
        }
        return selected;
    }

    /**
     * A store view argument (its id or its code) as an id; null when none is named. Magento
     * refuses one it does not know rather than falling back to the default values.
     */
    static String storeViewId(DataStore store, Object argument) throws ApiFault {
        String given = Values.text(argument);
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (store.storeViews().contains(given)) {
            return given;
        }
        List<String> byCode = store.storeViews().ids(record -> given.equals(Values.text(record.get("code"))));
        if (byCode.isEmpty()) {
            throw new ApiFault(STORE_VIEW_NOT_FOUND, "Requested store view not found.");
        }
        return byCode.get(0);
    }
}
