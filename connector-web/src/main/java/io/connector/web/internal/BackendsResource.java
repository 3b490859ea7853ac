package io.connector.web.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.connector.api.BackendRecord;
import io.connector.api.BackendRecords;
import io.connector.api.Backends;
import io.connector.api.Exports;
import io.connector.api.Imports;
import io.connector.api.UnknownBackendException;
import io.connector.web.internal.Operator.Grant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backend records and the imports they offer. A record is shown without its password or token,
 * ever: only whether one is set.
 */
@Component(service = BackendsResource.class)
public final class BackendsResource {

    private final BackendRecords records;
    private final Backends declared;
    private final Imports imports;
    private final Exports exports;

    @Activate
    public BackendsResource(@Reference BackendRecords records, @Reference Backends declared, @Reference Imports imports,
            @Reference Exports exports) {
        this.records = records;
        this.declared = declared;
        this.imports = imports;
        this.exports = exports;
    }

    void routes(Router router) {
        router.get("/api/backends", Grant.VIEW, call -> records.all().stream()
                .sorted(Comparator.comparing(BackendRecord::name)).map(this::describe).toList());
        router.get("/api/backends/{backend}", Grant.VIEW, call -> describe(records.get(call.part("backend"))));
        router.get("/api/declared-backends", Grant.VIEW, call -> declared.all().stream()
                .map(b -> Map.of("name", b.name(), "service", b.service(), "version", b.version())).toList());
        router.post("/api/backends", Grant.ADMINISTER, call -> {
            String token = call.text("token", false);
            String password = call.text("password", false);
            String username = call.text("username", false);
            if (token != null && (password != null || username != null)) {
                throw new ApiException(400, "Give either a token or a username and password, not both");
            }
            Map<String, String> options = new TreeMap<>();
            Object given = call.body().get("options");
            if (given instanceof Map<?, ?> map) {
                map.forEach((k, v) -> options.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (given != null) {
                throw new ApiException(400, "Field 'options' must be an object of option names to values");
            }
            BackendRecord added = records.add(call.text("name", true), call.text("backend", true),
                    call.text("location", true), username, token != null ? token : password, options);
            return new Router.Status(201, describe(added));
        });
        router.delete("/api/backends/{backend}", Grant.ADMINISTER, call -> {
            BackendRecord removed = records.remove(call.part("backend"));
            return Map.of("removed", removed.name(), "id", removed.id());
        });
        router.get("/api/backends/{backend}/imports", Grant.VIEW, call -> imports.offered(call.part("backend")));
        router.post("/api/backends/{backend}/exports", Grant.MANAGE, this::export);
        router.post("/api/backends/{backend}/imports/{name}", Grant.MANAGE, call -> {
            String since = call.text("since", false);
            LocalDateTime from;
            try {
                from = since == null ? null : LocalDateTime.parse(since);
            } catch (DateTimeParseException e) {
                throw new ApiException(400, "Field 'since' must be a date and time like 2026-12-01T00:00:00 (UTC), not '"
                        + since + "'");
            }
            Imports.Started started = imports.start(call.part("backend"), call.part("name"), from);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("backend", started.backendName());
            answer.put("import", started.name());
            answer.put("from", started.from().orElse(null));
            answer.put("jobs", started.jobUuids());
            return answer;
        });
    }

    /** {"model": a binding or local model, "id": its id, "fields": [only these]}: the export job, delayed. */
    private Object export(Router.Call call) throws java.io.IOException {
        String model = call.text("model", true);
        long id;
        try {
            id = Long.parseLong(call.text("id", true));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Field 'id' must be a record's or binding's id, a whole number, not '"
                    + call.body().get("id") + "'");
        }
        List<String> fields = new java.util.ArrayList<>();
        Object given = call.body().get("fields");
        if (given instanceof List<?> list) {
            list.forEach(field -> fields.add(String.valueOf(field)));
        } else if (given != null) {
            throw new ApiException(400, "Field 'fields' must be a list of field names");
        }
        Exports.Delayed delayed = exports.delay(call.part("backend"), model, id, fields);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("backend", delayed.backendName());
        answer.put("binding_model", delayed.bindingModel());
        answer.put("binding_id", delayed.bindingId());
        answer.put("job", delayed.jobUuid());
        return answer;
    }

    private Map<String, Object> describe(BackendRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", record.id());
        view.put("name", record.name());
        String problem = null;
        try {
            view.put("backend", record.backend().name());
        } catch (UnknownBackendException e) {
            problem = e.getMessage();
        }
        view.put("location", record.location());
        view.put("username", record.username());
        view.put("credentials_set", record.password() != null && !record.password().isEmpty());
        view.put("status", problem == null ? "ok" : problem);
        return view;
    }
}
