package io.connector.magento.internal.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.store.Query;
import io.connector.api.store.StoreConflictException;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.ImportMapper;

/**
 * An order's billing or shipping address as a partner of its customer: mapped as an address-book
 * entry is, stored inactive (it is the order's, not the customer's address book) and never synced.
 * The same address on the next order of the customer is the same partner: the reference makes one
 * per order, thousands for a regular buyer.
 */
public final class OrderAddresses {

    /** The partner fields an address fills, which also tell two addresses apart. */
    private static final List<String> FIELDS = List.of("name", "street", "street2", "city", "zip", "region", "country_code",
            "phone");

    private final StoreSession session;
    private final ImportMapper mapper;

    public OrderAddresses(StoreSession session, ImportMapper mapper) {
        this.session = session;
        this.mapper = mapper;
    }

    /** The partner for {@code address} under {@code partner}, of {@code type} (invoice or delivery). */
    @SuppressWarnings("unchecked")
    public long of(long partner, String type, Map<?, ?> address, Object email) {
        // Two orders of one customer imported at once (two chunk jobs) would both find no such
        // address and both make one: the second waits for the first's commit, retried alone.
        if (!session.tryLock("order addresses of res.partner " + partner)) {
            throw new StoreConflictException("The order addresses of partner " + partner + " are being written by another job", null);
        }
        Map<String, Object> mapped = mapper.mapRecord((Map<String, Object>) address).values(true, List.of(), Map.of());
        Map<String, Object> values = new HashMap<>();
        Query same = session.query("res.partner").where("parent_id", "=", partner).where("type", "=", type)
                .where("active", "=", false);
        for (String field : FIELDS) {
            Object value = mapped.get(field);
            values.put(field, value);
            same = same.where(field, "=", value);
        }
        return same.order("id").first().orElseGet(() -> {
            values.put("parent_id", partner);
            values.put("type", type);
            values.put("active", false);
            values.put("email", email == null || email.toString().isBlank() ? null : email.toString());
            return session.noExport().create("res.partner", values);
        });
    }
}
