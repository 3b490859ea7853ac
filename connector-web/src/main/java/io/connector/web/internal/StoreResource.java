package io.connector.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Checkpoints;
import io.connector.api.store.FieldInfo;
import io.connector.api.store.ModelInfo;
import io.connector.api.store.Query;
import io.connector.api.store.RecordStore;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The local store as operators read it: models, a model's records and a backend's bindings a page at a time, checkpoints. */
@Component(service = StoreResource.class)
public final class StoreResource {

    private static final int MAX_PAGE = 500;
    private static final List<String> CHECKPOINT_STATES = List.of("need-review", "reviewed", "all");

    private final RecordStore store;
    private final BackendRecords backends;
    private final Checkpoints checkpoints;

    @Activate
    public StoreResource(@Reference RecordStore store, @Reference BackendRecords backends, @Reference Checkpoints checkpoints) {
        this.store = store;
        this.backends = backends;
        this.checkpoints = checkpoints;
    }

    void routes(Router router) {
        router.get("/api/models", Grant.VIEW, call -> store.models().stream().sorted(java.util.Comparator.comparing(ModelInfo::name))
                .map(m -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("name", m.name());
                    model.put("description", m.description());
                    model.put("binding_of", m.bindingOf().orElse(null));
                    model.put("fields", m.fields().values().stream().map(f -> Map.of("name", f.name(), "type", f.type(),
                            "label", f.label())).toList());
                    return model;
                }).toList());
        router.get("/api/records/{model}", Grant.VIEW, call -> {
            ModelInfo model = model(call.part("model"));
            int offset = call.intParam("offset", 0, 0, Integer.MAX_VALUE);
            int limit = call.intParam("limit", 50, 1, MAX_PAGE);
            String[] fields = readable(model);
            return page(offset, limit, () -> store.inTransaction(s -> s.query(model.name()).count()),
                    () -> store.inTransaction(s -> s.query(model.name()).order("id").offset(offset).limit(limit).read(fields)));
        });
        router.get("/api/bindings/{backend}/{model}", Grant.VIEW, call -> {
            BackendRecord backend = backends.get(call.part("backend"));
            ModelInfo model = model(call.part("model"));
            if (!model.fields().containsKey("external_id") || !model.fields().containsKey("backend_id")) {
                throw new ApiException(400, "Model " + model.name() + " is not a binding model (it has no external_id "
                        + "and backend_id)");
            }
            int offset = call.intParam("offset", 0, 0, Integer.MAX_VALUE);
            int limit = call.intParam("limit", 50, 1, MAX_PAGE);
            String externalId = call.param("external_id");
            String[] fields = readable(model);
            java.util.function.Function<io.connector.api.store.StoreSession, Query> query = s -> {
                Query q = s.query(model.name()).where("backend_id", "=", backend.id());
                return externalId == null ? q : q.where("external_id", "=", externalId);
            };
            return page(offset, limit, () -> store.inTransaction(s -> query.apply(s).count()),
                    () -> store.inTransaction(s -> query.apply(s).order("id").offset(offset).limit(limit).read(fields)));
        });
        router.get("/api/checkpoints", Grant.VIEW, call -> {
            String state = call.param("state") == null ? "need-review" : call.param("state");
            if (!CHECKPOINT_STATES.contains(state)) {
                throw new ApiException(400, "Parameter 'state' takes " + String.join(", ", CHECKPOINT_STATES) + ", not '" + state + "'");
            }
            BackendRecord backend = call.param("backend") == null ? null : backends.get(call.param("backend"));
            int limit = call.intParam("limit", 100, 1, MAX_PAGE);
            List<Map<String, Object>> rows = store.inTransaction(s -> {
                Query query = s.query(Checkpoints.MODEL);
                if (backend != null) {
                    query.where("backend_id", "=", backend.id());
                }
                if (!state.equals("all")) {
                    query.where("state", "=", state);
                }
                return query.order("id").limit(limit).read();
            });
            rows.forEach(row -> row.put("backend", backends.find(String.valueOf(row.get("backend_id")))
                    .map(BackendRecord::name).orElse(null)));
            return rows;
        });
        router.post("/api/checkpoints/{id}/review", Grant.MANAGE, call -> {
            long id;
            try {
                id = Long.parseLong(call.part("id"));
            } catch (NumberFormatException e) {
                throw new ApiException(400, "A checkpoint id is a number, not '" + call.part("id") + "'");
            }
            checkpoints.review(id, JobsResource.who(call));
            return store.inTransaction(s -> s.query(Checkpoints.MODEL).where("id", "=", id).read()).get(0);
        });
    }

    private ModelInfo model(String name) {
        return store.model(name).orElseThrow(() -> new ApiException(404, "Unknown model '" + name + "'; see GET /connector/api/models"));
    }

    /** Every field a page can show: binary ones (images) and lists of related records are left out. */
    private static String[] readable(ModelInfo model) {
        return model.fields().values().stream().filter(f -> !f.type().equals(FieldInfo.Types.BINARY)
                && !f.type().equals(FieldInfo.Types.ONE2MANY)).map(FieldInfo::name).toArray(String[]::new);
    }

    private static Map<String, Object> page(int offset, int limit, java.util.function.Supplier<Long> total,
            java.util.function.Supplier<List<Map<String, Object>>> records) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("offset", offset);
        page.put("limit", limit);
        page.put("total", total.get());
        page.put("records", records.get());
        return page;
    }
}
