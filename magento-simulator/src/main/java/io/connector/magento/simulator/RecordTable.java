package io.connector.magento.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The records of one Magento model, keyed by their id as text and kept in id order, as Magento's
 * searches answer them. A record is the struct its {@code info} call answers, held as is (strings,
 * nils and all), so a test can change any field the connector reads.
 *
 * <p>A record may have an owner, for what Magento links outside the record itself: an address
 * belongs to a customer, an image to a product. It may also have values per store view, which
 * override the record's own when a call names that store view (a translated name, say).
 *
 * <p>Every method copies in and out: nothing a caller holds is shared with the server's threads.
 */
public final class RecordTable {

    /** One stored record with what Magento keeps beside it; what {@link DataStore#save} writes. */
    record Row(String id, String owner, Map<String, Object> record, Map<String, Map<String, Object>> storeViews) {
    }

    private final String name;
    private final String idField;
    private final TreeMap<String, Row> rows = new TreeMap<>(NaturalOrder.INSTANCE);
    private final Map<String, NavigableSet<String>> byOwner = new TreeMap<>(NaturalOrder.INSTANCE);
    private long highestNumericId;

    RecordTable(String name, String idField) {
        this.name = name;
        this.idField = idField;
    }

    /** The table's name, also its file name in a data directory. */
    public String name() {
        return name;
    }

    /** The field of a record that holds its id, e.g. {@code customer_id}. */
    public String idField() {
        return idField;
    }

    /** Adds or replaces a record under the id its {@link #idField()} holds; an owner it had stays. */
    public void put(Map<String, ?> record) {
        String id = Values.text(record.get(idField));
        if (id == null) {
            throw new IllegalArgumentException(name + ": a record without " + idField + ": " + record.keySet());
        }
        put(id, record);
    }

    /** Adds or replaces a record; an owner it had stays. */
    public synchronized void put(String id, Map<String, ?> record) {
        Row old = rows.get(id);
        store(new Row(id, old == null ? null : old.owner(), Values.copyMap(record), old == null ? new TreeMap<>() : old.storeViews()));
    }

    /** Adds or replaces a record that belongs to {@code owner} (an address to its customer). */
    public synchronized void put(String id, String owner, Map<String, ?> record) {
        Row old = rows.get(id);
        store(new Row(id, owner, Values.copyMap(record), old == null ? new TreeMap<>() : old.storeViews()));
    }

    /** Adds a record unless one has that id; true when added. */
    public synchronized boolean putIfAbsent(String id, String owner, Map<String, ?> record) {
        if (rows.containsKey(id)) {
            return false;
        }
        store(new Row(id, owner, Values.copyMap(record), new TreeMap<>()));
        return true;
    }

    private void store(Row row) {
        Row old = rows.put(row.id(), row);
        if (old != null && old.owner() != null) {
            unindex(old.owner(), old.id());
        }
        if (row.owner() != null) {
            byOwner.computeIfAbsent(row.owner(), o -> new TreeSet<>(NaturalOrder.INSTANCE)).add(row.id());
        }
        try {
            highestNumericId = Math.max(highestNumericId, Long.parseLong(row.id()));
        } catch (NumberFormatException e) {
            // not a number: nextId() ignores it
        }
    }

    private void unindex(String owner, String id) {
        NavigableSet<String> ids = byOwner.get(owner);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                byOwner.remove(owner);
            }
        }
    }

    /** A copy of the record. */
    public synchronized Optional<Map<String, Object>> get(String id) {
        Row row = id == null ? null : rows.get(id);
        return row == null ? Optional.empty() : Optional.of(Values.copyMap(row.record()));
    }

    /** A copy of the record with the values of that store view over its own. */
    public synchronized Optional<Map<String, Object>> get(String id, String storeViewId) {
        Row row = id == null ? null : rows.get(id);
        if (row == null) {
            return Optional.empty();
        }
        Map<String, Object> record = Values.copyMap(row.record());
        Map<String, Object> scoped = storeViewId == null ? null : row.storeViews().get(storeViewId);
        if (scoped != null) {
            record.putAll(Values.copyMap(scoped));
        }
        return Optional.of(record);
    }

    /** Values that override the record's own when a call names that store view. */
    public synchronized void putStoreViewValues(String id, String storeViewId, Map<String, ?> values) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalArgumentException(name + ": no record " + id);
        }
        row.storeViews().computeIfAbsent(storeViewId, s -> new LinkedHashMap<>()).putAll(Values.copyMap(values));
    }

    /** Changes a record in place, e.g. {@code r -> r.put("updated_at", "2030-01-01 00:00:00")}; false when there is none. */
    public synchronized boolean update(String id, Consumer<Map<String, Object>> change) {
        Row row = rows.get(id);
        if (row == null) {
            return false;
        }
        Map<String, Object> record = Values.copyMap(row.record());
        change.accept(record);
        rows.put(id, new Row(id, row.owner(), Values.copyMap(record), row.storeViews()));
        return true;
    }

    /** Sets one field of a record; false when there is none. */
    public boolean set(String id, String field, Object value) {
        return update(id, record -> record.put(field, value));
    }

    public synchronized boolean remove(String id) {
        Row old = rows.remove(id);
        if (old != null && old.owner() != null) {
            unindex(old.owner(), id);
        }
        return old != null;
    }

    public synchronized boolean contains(String id) {
        return id != null && rows.containsKey(id);
    }

    public synchronized int size() {
        return rows.size();
    }

    public synchronized boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Every id, in id order. */
    public synchronized List<String> ids() {
        return new ArrayList<>(rows.keySet());
    }

    /** The ids, in id order, of the records that pass; the test sees the stored record and must not change it. */
    public synchronized List<String> ids(Predicate<Map<String, Object>> test) {
        return ids((owner, record) -> test.test(record));
    }

    /** The same, with each record's owner. */
    public synchronized List<String> ids(BiPredicate<String, Map<String, Object>> test) {
        List<String> ids = new ArrayList<>();
        for (Row row : rows.values()) {
            if (test.test(row.owner(), row.record())) {
                ids.add(row.id());
            }
        }
        return ids;
    }

    /** Copies of every record, in id order. */
    public synchronized List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            records.add(Values.copyMap(row.record()));
        }
        return records;
    }

    public synchronized Optional<String> ownerOf(String id) {
        Row row = id == null ? null : rows.get(id);
        return row == null ? Optional.empty() : Optional.ofNullable(row.owner());
    }

    /** Gives a record an owner (null for none). */
    public synchronized void setOwner(String id, String owner) {
        Row row = rows.get(id);
        if (row == null) {
            throw new IllegalArgumentException(name + ": no record " + id);
        }
        if (!Objects.equals(row.owner(), owner)) {
            store(new Row(id, owner, row.record(), row.storeViews()));
        }
    }

    /** The ids of the records that belong to {@code owner}, in id order. */
    public synchronized List<String> idsOwnedBy(String owner) {
        NavigableSet<String> ids = owner == null ? null : byOwner.get(owner);
        return ids == null ? List.of() : new ArrayList<>(ids);
    }

    /** One more than the highest numeric id so far: what Magento's auto-increment would give next. */
    public synchronized String nextId() {
        return Long.toString(highestNumericId + 1);
    }

    public synchronized void clear() {
        rows.clear();
        byOwner.clear();
        highestNumericId = 0;
    }

    /** Copies of the rows, for saving. */
    synchronized List<Row> rows() {
        List<Row> copies = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            Map<String, Map<String, Object>> storeViews = new TreeMap<>(NaturalOrder.INSTANCE);
            row.storeViews().forEach((view, values) -> storeViews.put(view, Values.copyMap(values)));
            copies.add(new Row(row.id(), row.owner(), Values.copyMap(row.record()), storeViews));
        }
        return copies;
    }

    /** A copy of one row, with its owner and store view values. */
    synchronized Optional<Row> row(String id) {
        Row row = id == null ? null : rows.get(id);
        if (row == null) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> storeViews = new TreeMap<>(NaturalOrder.INSTANCE);
        row.storeViews().forEach((view, values) -> storeViews.put(view, Values.copyMap(values)));
        return Optional.of(new Row(row.id(), row.owner(), Values.copyMap(row.record()), storeViews));
    }

    /** Puts back a saved row. */
    synchronized void restore(Row row) {
        Map<String, Map<String, Object>> storeViews = new TreeMap<>(NaturalOrder.INSTANCE);
        row.storeViews().forEach((view, values) -> storeViews.put(view, Values.copyMap(values)));
        store(new Row(row.id(), row.owner(), Values.copyMap(row.record()), storeViews));
    }

    @Override
    public synchronized String toString() {
        return name + " (" + rows.size() + " records)";
    }
}
