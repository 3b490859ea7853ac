package io.connector.magento.v17.adapter;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorException;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.BackendAdapter;
import io.connector.api.unit.BatchImporter;
import io.connector.api.unit.RemoteRead;
import io.connector.core.sync.RemoteDates;
import io.connector.magento.adapter.NothingLeftException;
import io.connector.magento.v17.client.MagentoClient;
import io.connector.magento.v17.client.MagentoClients;
import io.connector.magento.v17.client.MagentoException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The base of the Magento 1.x XML-RPC adapters: a Magento 1.x API resource ({@code customer}, {@code ol_websites}, ...): {@code search},
 * {@code info}, {@code list}, {@code create}, {@code update}, {@code delete} on it. The change
 * date filters of {@link BatchImporter} become Magento's {@code updated_at: {from, to}}.
 */
@ConsumerType
public abstract class MagentoAdapter extends AbstractUnit implements BackendAdapter {

    /** How Magento writes dates: naive UTC. */
    public static final DateTimeFormatter MAGENTO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MagentoClients clients;
    private final String resource;

    protected MagentoAdapter(MagentoClients clients, String resource) {
        this.clients = clients;
        this.resource = resource;
    }

    protected final MagentoClient client() {
        return clients.forBackend(backendRecord());
    }

    protected final String resource() {
        return resource;
    }

    protected Object call(String method, List<?> args) {
        return client().call(method, args);
    }

    @Override
    public List<String> search(Map<String, Object> filters) {
        return ids(call(resource + ".search", List.of(remoteFilters(filters))), null);
    }

    @Override
    public Map<String, Object> read(String id, List<String> attributes) {
        MagentoClient.Call info = infoCall(id, attributes);
        return struct(call(info.method(), info.args()), info.method() + " " + id);
    }

    /** The records in {@code multiCall}s of {@link #infoCall}s: a chunk of records in one round trip. */
    @Override
    public List<RemoteRead> readMany(List<String> ids, List<String> attributes) {
        List<MagentoClient.Call> calls = ids.stream().map(id -> infoCall(id, attributes)).toList();
        List<Object> answers = client().multiCall(calls);
        List<RemoteRead> reads = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            try {
                if (answers.get(i) instanceof RuntimeException failure) {
                    throw failure;
                }
                reads.add(RemoteRead.of(id, struct(answers.get(i), calls.get(i).method() + " " + id)));
            } catch (RuntimeException e) {
                reads.add(RemoteRead.failed(id, e));
            }
        }
        return reads;
    }

    /** The call that reads one record: {@code resource.info(id[, attributes])}. */
    protected MagentoClient.Call infoCall(String id, List<String> attributes) {
        List<Object> args = new ArrayList<>();
        args.add(remoteId(id));
        if (attributes != null && !attributes.isEmpty()) {
            args.add(attributes);
        }
        return new MagentoClient.Call(resource + ".info", args);
    }

    @Override
    public List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes) {
        return structs(call(resource + ".list", List.of(remoteFilters(filters))), resource + ".list");
    }

    @Override
    public String create(Map<String, Object> data) {
        return String.valueOf(call(resource + ".create", List.of(data)));
    }

    @Override
    public void write(String id, Map<String, Object> data) {
        call(resource + ".update", List.of(remoteId(id), data));
    }

    @Override
    public void delete(String id) {
        call(resource + ".delete", List.of(remoteId(id)));
    }

    /** The remote field the change-date filters apply to. */
    protected String dateField() {
        return "updated_at";
    }

    /** The filters as Magento takes them: dates in its format under {@link #dateField}, the rest as given. */
    protected Map<String, Object> remoteFilters(Map<String, Object> filters) {
        Map<String, Object> remote = new LinkedHashMap<>();
        Map<String, Object> updatedAt = new LinkedHashMap<>();
        for (Map.Entry<String, Object> filter : (filters == null ? Map.<String, Object>of() : filters).entrySet()) {
            switch (filter.getKey()) {
                case BatchImporter.FROM_DATE -> updatedAt.put("from", magentoDate(filter.getValue()));
                case BatchImporter.TO_DATE -> updatedAt.put("to", magentoDate(filter.getValue()));
                case BatchImporter.CHUNK_SIZE -> {
                    // the import's, not a filter
                }
                default -> remote.put(filter.getKey(), filter.getValue());
            }
        }
        if (!updatedAt.isEmpty()) {
            remote.put(dateField(), updatedAt);
        }
        return remote;
    }

    protected static String magentoDate(Object value) {
        return RemoteDates.utc(value).format(MAGENTO_DATE);
    }

    /** Magento answers the new increment id, as text or as a number; false or empty when it made none. */
    protected static String createdId(Object answer) {
        if (answer == null || Boolean.FALSE.equals(answer) || answer instanceof Map<?, ?> || answer instanceof List<?>
                || answer.toString().isBlank()) {
            return null;
        }
        return answer.toString();
    }

    /** Magento 1's fault when there is nothing left of the order to invoice or ship. */
    private static final int NOTHING_LEFT = 102;

    /** {@code create}'s answer; Magento's fault 102 said as a {@link NothingLeftException}. */
    protected static Object nothingLeftAs102(java.util.function.Supplier<Object> create) {
        try {
            return create.get();
        } catch (MagentoException e) {
            if (e.faultCode() != NOTHING_LEFT) {
                throw e;
            }
            throw new NothingLeftException(e.getMessage(), e);
        }
    }

    /** Whether a write method answered what Magento answers for done: true, or PHP's 1. */
    protected static boolean done(Object answer) {
        return Boolean.TRUE.equals(answer) || "1".equals(String.valueOf(answer));
    }

    /** Magento's ids are integers on the wire; a non-numeric one (an order's increment id) stays text. */
    protected static Object remoteId(String id) {
        try {
            return Integer.valueOf(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /** A list of ids, or of structs whose {@code idField} is the id, as text. */
    protected final List<String> ids(Object answer, String idField) {
        if (!(answer instanceof List<?> items)) {
            throw malformed("a list of ids", answer);
        }
        List<String> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            Object id = idField != null && item instanceof Map<?, ?> struct ? struct.get(idField) : item;
            if (id == null || id instanceof Map<?, ?> || id instanceof List<?>) {
                throw malformed("a list of ids" + (idField == null ? "" : " (" + idField + ")"), answer);
            }
            ids.add(id.toString());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    protected final Map<String, Object> struct(Object answer, String what) {
        if (answer instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw malformed("a struct for " + what, answer);
    }

    @SuppressWarnings("unchecked")
    protected final List<Map<String, Object>> structs(Object answer, String what) {
        if (answer instanceof List<?> list && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
            return (List<Map<String, Object>>) list;
        }
        throw malformed("a list of structs for " + what, answer);
    }

    protected final ConnectorException malformed(String expected, Object answer) {
        String shown = String.valueOf(answer);
        return new ConnectorException("Backend " + backendRecord().name() + ": Magento answered " + resource + " with "
                + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown) + " where " + expected + " was expected");
    }
}
