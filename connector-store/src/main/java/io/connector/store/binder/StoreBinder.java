package io.connector.store.binder;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.connector.api.ConnectorException;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.StoreSession;
import io.connector.api.unit.AbstractUnit;
import io.connector.api.unit.Binder;
import io.connector.store.internal.SessionMarks;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A binder over the binding tables of the record store: the environment's model is a binding
 * model (e.g. {@code magento.res.partner}) whose rows carry {@code backend_id},
 * {@code external_id}, {@code record_id} and {@code sync_date}. A model declared without
 * {@code bindingOf} but with {@code backend_id} and {@code external_id} fields (e.g. Magento
 * websites) binds itself: its records are their own bindings.
 *
 * <p>A backend bundle registers one subclass for all its binding models:
 *
 * <pre>
 * &#64;Component(service = Binder.class, scope = ServiceScope.PROTOTYPE)
 * &#64;UnitFor(service = "magento", model = {"magento.res.partner", "magento.product.product"})
 * public class MagentoBinder extends StoreBinder { }
 * </pre>
 *
 * Every call joins the caller's store transaction when there is one.
 */
@ConsumerType
public abstract class StoreBinder extends AbstractUnit implements Binder {

    private static final String BACKEND_ID = "backend_id";
    private static final String EXTERNAL_ID = "external_id";
    private static final String RECORD_ID = "record_id";
    private static final String SYNC_DATE = "sync_date";

    private ModelInfo bindingModel() {
        ModelInfo info = environment().store().model(model()).orElseThrow(() -> new ConnectorException(
                "Binding model " + model() + " is not declared by any installed bundle"));
        if (!info.fields().containsKey(BACKEND_ID) || !info.fields().containsKey(EXTERNAL_ID)) {
            throw new ConnectorException("Model " + model() + " is not a binding model: it has no backend_id and external_id");
        }
        return info;
    }

    private boolean wrapsRecords() {
        return bindingModel().bindingOf().isPresent();
    }

    /**
     * Bindings found in this transaction, by external id, with the record each binds: a chunk's
     * records look their website, group or categories up once instead of once each. Forgotten
     * when the transaction changes or undoes work ({@link SessionMarks}); only what was found is
     * remembered, never that nothing was.
     */
    private final Map<String, Long> foundBindings = new HashMap<>();
    private final Map<String, Long> foundRecords = new HashMap<>();
    private Object foundIn;

    @Override
    public Optional<Long> toInternal(String externalId, boolean unwrap) {
        if (externalId == null) {
            return Optional.empty();
        }
        boolean wraps = wrapsRecords();
        return environment().store().inTransaction(s -> {
            Object mark = SessionMarks.of(s);
            if (mark == null || !mark.equals(foundIn)) {
                foundBindings.clear();
                foundRecords.clear();
                foundIn = mark;
            }
            Long binding = foundBindings.get(externalId);
            if (binding == null) {
                Optional<Long> queried = s.query(model()).where(BACKEND_ID, "=", backendRecord().id())
                        .where(EXTERNAL_ID, "=", externalId).first();
                if (queried.isEmpty()) {
                    return queried;
                }
                binding = queried.get();
                if (mark != null) {
                    foundBindings.put(externalId, binding);
                }
            }
            if (!unwrap || !wraps) {
                return Optional.of(binding);
            }
            Long record = foundRecords.get(externalId);
            if (record == null) {
                record = recordOf(s, binding);
                if (mark != null) {
                    foundRecords.put(externalId, record);
                }
            }
            return Optional.of(record);
        });
    }

    /** In one query per {@code IN} list of the store, not one a record. */
    @Override
    public Map<String, Long> toInternal(java.util.Collection<String> externalIds) {
        List<String> wanted = externalIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Long> found = new java.util.LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        return environment().store().inTransaction(s -> {
            for (int from = 0; from < wanted.size(); from += IN_LIST) {
                for (Map<String, Object> row : s.query(model()).where(BACKEND_ID, "=", backendRecord().id())
                        .where(EXTERNAL_ID, "in", wanted.subList(from, Math.min(wanted.size(), from + IN_LIST))).order("id")
                        .read(EXTERNAL_ID)) {
                    found.putIfAbsent((String) row.get(EXTERNAL_ID), (Long) row.get("id"));
                }
            }
            return found;
        });
    }

    /** External ids in one lookup at most. */
    private static final int IN_LIST = 500;

    @Override
    public Optional<String> toExternal(long id, boolean wrap) {
        boolean wraps = wrapsRecords();
        return environment().store().inTransaction(s -> {
            List<Map<String, Object>> rows = wrap && wraps
                    ? s.query(model()).where(BACKEND_ID, "=", backendRecord().id()).where(RECORD_ID, "=", id).read(EXTERNAL_ID)
                    : s.query(model()).where("id", "=", id).where(BACKEND_ID, "=", backendRecord().id()).read(EXTERNAL_ID);
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0).get(EXTERNAL_ID));
        });
    }

    @Override
    public void bind(String externalId, long bindingId) {
        foundBindings.remove(externalId);
        foundRecords.remove(externalId);
        if (externalId == null) {
            throw new ConnectorException("Cannot bind " + model() + " " + bindingId + " to no external id");
        }
        environment().store().inTransaction(s -> {
            s.noExport().write(model(), bindingId, Map.of(EXTERNAL_ID, externalId,
                    SYNC_DATE, LocalDateTime.now(ZoneOffset.UTC)));
            return null;
        });
    }

    @Override
    public long unwrapBinding(long bindingId) {
        return wrapsRecords() ? environment().store().inTransaction(s -> recordOf(s, bindingId)) : bindingId;
    }

    @Override
    public String unwrapModel() {
        return bindingModel().bindingOf().orElse(model());
    }

    private long recordOf(StoreSession s, long bindingId) {
        return s.read(model(), List.of(bindingId), List.of(RECORD_ID)).stream().findFirst()
                .map(row -> (Long) row.get(RECORD_ID))
                .orElseThrow(() -> new ConnectorException("No " + model() + " binding with id " + bindingId));
    }
}
