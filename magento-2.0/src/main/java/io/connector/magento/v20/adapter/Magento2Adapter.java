package io.connector.magento.v20.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.job.RetryableJobException;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RemoteRead;
import io.connector.core.sync.RemoteDates;
import io.connector.magento.v20.client.Condition;
import io.connector.magento.v20.client.Magento2Client;
import io.connector.magento.v20.client.Magento2Clients;
import io.connector.magento.v20.client.RestPath;
import io.connector.magento.v20.client.SearchCriteria;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Magento 2 REST resource: searched with {@code searchCriteria} for ids only, read one record
 * at a time, each record renamed into the shared field names by {@link #normalize}. Magento 2's
 * REST API has no batch call, so a chunk's records are read one request each, on the client's
 * kept-alive connection.
 *
 * <p>The platform's filters ({@code {field: {operator: value}}}, plus the import's change-date
 * window) become one filter group each, ANDed, as Magento 2 takes them; the window applies to
 * {@link #dateField}.
 */
@ConsumerType
public abstract class Magento2Adapter extends AbstractUnit implements BackendAdapter {

    private final Magento2Clients clients;

    protected Magento2Adapter(Magento2Clients clients) {
        this.clients = clients;
    }

    protected final Magento2Client client() {
        return clients.forBackend(backendRecord());
    }

    /** The search endpoint, e.g. {@code customers/search}. */
    protected abstract String searchPath();

    /** The path of one record, e.g. {@code customers/5}. */
    protected abstract RestPath recordPath(String id);

    /** The field of a search's items that is the record's external id. */
    protected String idField() {
        return "id";
    }

    /** The remote field the change-date window applies to. */
    protected String dateField() {
        return "updated_at";
    }

    /** The record in the shared field names; as Magento sent it unless a model says otherwise. */
    protected Map<String, Object> normalize(Map<String, Object> record) {
        return record;
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        Object answer = client().get(RestPath.of(searchPath()), criteria(filters).fields("items[" + idField() + "]"));
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> item : items(answer, searchPath())) {
            Object id = item.get(idField());
            if (id == null || id instanceof Map<?, ?> || id instanceof Collection<?>) {
                throw malformed("items with an " + idField(), answer, searchPath());
            }
            ids.add(id.toString());
        }
        return ids;
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        RestPath path = recordPath(id);
        return normalize(new LinkedHashMap<>(struct(client().get(path), path.toString())));
    }

    /**
     * A chunk's records, a request each ({@link Magento2Client#getAll}: a few in flight at once),
     * each read or its own failure. When every one failed on a passing fault (the shop is down),
     * that fault is the chunk's, retried as one, rather than a failed job for each record.
     */
    @Override
    public List<RemoteRead> readMany(List<String> ids, List<String> attributes) {
        List<RestPath> paths = ids.stream().map(this::recordPath).toList();
        List<Object> answers = client().getAll(paths);
        List<RemoteRead> reads = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            try {
                if (answers.get(i) instanceof RuntimeException failure) {
                    throw failure;
                }
                reads.add(RemoteRead.of(ids.get(i), normalize(new LinkedHashMap<>(struct(answers.get(i), paths.get(i).toString())))));
            } catch (RuntimeException e) {
                reads.add(RemoteRead.failed(ids.get(i), e));
            }
        }
        if (!reads.isEmpty() && reads.stream().allMatch(read -> read.failure() instanceof RetryableJobException)) {
            throw reads.get(0).failure();
        }
        return reads;
    }

    @Override
    public List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes) {
        Object answer = client().get(RestPath.of(searchPath()), criteria(filters));
        return items(answer, searchPath()).stream().map(item -> normalize(new LinkedHashMap<>(item))).toList();
    }

    @Override
    public String create(Map<String, Object> data) {
        throw unsupported("create");
    }

    @Override
    public void write(String id, Map<String, Object> data) {
        throw unsupported("write");
    }

    @Override
    public void delete(String id) {
        throw unsupported("delete");
    }

    private ConnectorException unsupported(String what) {
        return new ConnectorException("Backend " + backendRecord().name() + ": the Magento 2 adapter of "
                + environment().model() + " does not " + what + " records");
    }

    /**
     * The platform's filters as search criteria: each {@code {field: {operator: value}}} its own
     * filter group; the import's window on {@link #dateField}; the chunk size is the import's.
     */
    protected SearchCriteria criteria(Map<String, Object> filters) {
        SearchCriteria criteria = SearchCriteria.all();
        for (Map.Entry<String, Object> filter : (filters == null ? Map.<String, Object>of() : filters).entrySet()) {
            switch (filter.getKey()) {
                case BatchImporter.FROM_DATE -> criteria = criteria.where(dateField(), Condition.FROM, RemoteDates.utc(filter.getValue()));
                case BatchImporter.TO_DATE -> criteria = criteria.where(dateField(), Condition.TO, RemoteDates.utc(filter.getValue()));
                case BatchImporter.CHUNK_SIZE -> {
                    // the import's, not a filter
                }
                default -> criteria = where(criteria, filter.getKey(), filter.getValue());
            }
        }
        return criteria;
    }

    private SearchCriteria where(SearchCriteria criteria, String field, Object comparisons) {
        if (!(comparisons instanceof Map<?, ?> byOperator) || byOperator.isEmpty()) {
            // A bare value is what Magento 1's filters take as equality.
            return criteria.where(field, Condition.EQ, comparisons);
        }
        SearchCriteria result = criteria;
        for (Map.Entry<?, ?> comparison : byOperator.entrySet()) {
            Condition condition = condition(field, String.valueOf(comparison.getKey()));
            result = condition.takesValue() ? result.where(field, condition, comparison.getValue()) : result.where(field, condition);
        }
        return result;
    }

    private Condition condition(String field, String operator) {
        for (Condition condition : Condition.values()) {
            if (condition.wireName().equals(operator)) {
                return condition;
            }
        }
        throw new ConnectorException("Backend " + backendRecord().name() + ": filter '" + operator + "' on " + field
                + " is not a Magento 2 search condition");
    }

    /** The items of a search answer ({@code {"items": [...]}}; a list answered as it is; no items: none). */
    @SuppressWarnings("unchecked")
    protected final List<Map<String, Object>> items(Object answer, String what) {
        Object items = answer instanceof Map<?, ?> page ? page.get("items") : answer;
        if (items == null) {
            return List.of();
        }
        if (items instanceof List<?> list && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
            return (List<Map<String, Object>>) list;
        }
        throw malformed("a list of records", answer, what);
    }

    @SuppressWarnings("unchecked")
    protected final Map<String, Object> struct(Object answer, String what) {
        if (answer instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw malformed("a record", answer, what);
    }

    protected final ConnectorException malformed(String expected, Object answer, String what) {
        String shown = String.valueOf(answer);
        return new ConnectorException("Backend " + backendRecord().name() + ": Magento answered " + what + " with "
                + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown) + " where " + expected + " was expected");
    }

    /** {@code record} with {@code from} renamed {@code to} (when it has {@code from}). */
    protected static Map<String, Object> rename(Map<String, Object> record, String from, String to) {
        if (record.containsKey(from)) {
            record.put(to, record.remove(from));
        }
        return record;
    }

    /**
     * {@code record} with each of its {@code custom_attributes} ({@code [{attribute_code, value}]})
     * as a field of its own, where Magento 1 answers them; a field the record has already wins.
     */
    @SuppressWarnings("unchecked")
    protected static Map<String, Object> withCustomAttributes(Map<String, Object> record) {
        if (record.remove("custom_attributes") instanceof List<?> attributes) {
            for (Object attribute : attributes) {
                if (attribute instanceof Map<?, ?> entry && entry.get("attribute_code") instanceof String code) {
                    ((Map<String, Object>) record).putIfAbsent(code, entry.get("value"));
                }
            }
        }
        return record;
    }
}
