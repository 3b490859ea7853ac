package io.connector.api.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.connector.api.ConnectorUnit;
import org.osgi.annotation.versioning.ConsumerType;

/** Speaks the remote system's API for one model. Ids are the remote ids, as text. */
@ConsumerType
public interface BackendAdapter extends ConnectorUnit {

    /** Ids of the remote records matching the filters (the remote system's filter syntax). */
    List<String> search(Map<String, Object> filters);

    /** One remote record; {@code attributes} empty for all of them. */
    Map<String, Object> read(String id, List<String> attributes);

    /**
     * Several records in as few round trips as the remote system allows, in the order of
     * {@code ids}; an id that cannot be read is a failed {@link RemoteRead}, not an exception, so
     * the others are still read. This default reads them one by one with {@link #read}.
     */
    default List<RemoteRead> readMany(List<String> ids, List<String> attributes) {
        List<RemoteRead> reads = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                reads.add(RemoteRead.of(id, read(id, attributes)));
            } catch (RuntimeException e) {
                reads.add(RemoteRead.failed(id, e));
            }
        }
        return reads;
    }

    /** The remote records matching the filters, in one call where the remote API allows it. */
    List<Map<String, Object>> searchRead(Map<String, Object> filters, List<String> attributes);

    /** Creates a remote record and returns its id. */
    String create(Map<String, Object> data);

    void write(String id, Map<String, Object> data);

    void delete(String id);
}
